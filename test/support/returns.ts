import { randomUUID } from 'node:crypto';
import { SHOP_ACCOUNT } from '../../apps/api/src/ledger/ledger-account';
import { LedgerService } from '../../apps/api/src/ledger/ledger.service';
import { TestSuite } from './auth';
import { card, CARDS } from './payments';
import { addToCart, newCustomer } from './shop';

export interface PaidOrder {
  buyer: Awaited<ReturnType<typeof newCustomer>>;
  order: { id: string; total: string; lines: { productId: string; total: string }[] };
  products: { id: string }[];
}

/**
 * A customer with a paid order: one line per entry of `lines` (price in cents and quantity),
 * with `promoCode` applied first when given, paid with `cardNumber`.
 */
export async function paidOrder(
  suite: TestSuite,
  lines: { priceCents: number; quantity: number }[],
  options: { promoCode?: string; cardNumber?: string } = {},
): Promise<PaidOrder> {
  const { http } = suite.testApp;
  const buyer = await newCustomer(http, suite.factory);
  const products = [];
  for (const line of lines) {
    const product = await suite.factory.product({ priceCents: line.priceCents, stock: 50 });
    await addToCart(http, buyer.auth, product.id, line.quantity);
    products.push(product);
  }
  if (options.promoCode) {
    await http
      .post('/cart/promo-code')
      .set('Authorization', buyer.auth)
      .send({ code: options.promoCode })
      .expect(200);
  }
  const created = await http.post('/orders').set('Authorization', buyer.auth).expect(201);
  const paid = await http
    .post(`/orders/${created.body.id}/pay`)
    .set('Authorization', buyer.auth)
    .send({ card: card(options.cardNumber ?? CARDS.approved) })
    .expect(200);
  return { buyer, order: paid.body.order, products };
}

/** A fixed-amount promo code an admin creates, e.g. `'1.00'`. */
export async function promoCode(suite: TestSuite, amount: string): Promise<string> {
  const code = `R${randomUUID().slice(0, 8).toUpperCase()}`;
  await suite.testApp.http
    .post('/promo-codes')
    .set('Authorization', suite.admin)
    .send({ code, type: 'fixed', amount })
    .expect(201);
  return code;
}

export function requestReturn(
  suite: TestSuite,
  auth: string,
  orderId: string,
  items: { productId: string; quantity: number }[],
) {
  return suite.testApp.http
    .post(`/orders/${orderId}/returns`)
    .set('Authorization', auth)
    .send({ items, reason: 'Not what I expected' });
}

export function approveReturn(suite: TestSuite, returnId: string) {
  return suite.testApp.http.post(`/returns/${returnId}/approve`).set('Authorization', suite.admin);
}

/** The shop's ledger balance, in cents. */
export function shopBalance(suite: TestSuite): Promise<number> {
  return suite.testApp.app.get(LedgerService).balanceOf(SHOP_ACCOUNT);
}

/** Decimal money as the API writes it (`"12.34"`) in cents. */
export function cents(amount: string): number {
  return Math.round(Number(amount) * 100);
}
