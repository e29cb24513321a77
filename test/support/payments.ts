import { PaymentGatewayClient } from '@kassa/payment-gateway';
import { PAYMENT_GATEWAY } from '../../apps/api/src/payments/gateway/payment-gateway.provider';
import { TestSuite } from './auth';
import { addToCart, newCustomer } from './shop';

/** The processor's test cards (see the README's payment gateway section). */
export const CARDS = {
  approved: '4242424242424242',
  declined: '4000000000000002',
  noFunds: '4000000000009995',
  failsOnce: '4000000000000119',
  failsAlways: '4000000000000127',
  hangs: '4000000000000259',
  refundsFailFirst: '4000000000005126',
};

/** A valid card with the given number, expiring at the end of next year. */
export function card(number = CARDS.approved) {
  const year = String((new Date().getUTCFullYear() + 1) % 100).padStart(2, '0');
  return { holder: 'Ada Lovelace', number, expiry: `12${year}`, cvv: '123' };
}

/** A customer with a pending order of one product (`priceCents`), ready to pay. */
export async function customerWithOrder(suite: TestSuite, priceCents = 2500) {
  const buyer = await newCustomer(suite.testApp.http, suite.factory);
  const product = await suite.factory.product({ priceCents, stock: 50 });
  await addToCart(suite.testApp.http, buyer.auth, product.id, 1);
  const order = (
    await suite.testApp.http.post('/orders').set('Authorization', buyer.auth).expect(201)
  ).body as { id: string; total: string };
  return { buyer, product, order };
}

/** The payments the gateway holds for a reference (an order id). */
export async function gatewayPaymentsFor(suite: TestSuite, reference: string) {
  const gateway = suite.testApp.app.get<PaymentGatewayClient>(PAYMENT_GATEWAY);
  const found = await gateway.findByReference(reference);
  return found.status === 'found' ? [found.payment] : [];
}
