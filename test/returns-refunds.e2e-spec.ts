import { ReturnRefundJob } from '../apps/api/src/returns/return-refund.job';
import { TestApp } from './support';
import { useTestApp } from './support/auth';
import { expectLedgerBalancedAfterEach } from './support/ledger';
import { CARDS, gatewayPaymentsFor } from './support/payments';
import { cents, paidOrder, requestReturn, shopBalance } from './support/returns';

describe('returns approved at once, refunds that fail, and races (e2e)', () => {
  const suite = useTestApp({
    env: {
      RETURNS_AUTO_APPROVE: 'true',
      PAYMENT_GATEWAY: 'mock',
      PAYMENT_GATEWAY_ATTEMPTS: '2',
      PAYMENT_RECONCILE_INTERVAL: '0',
      ORDER_EXPIRY_INTERVAL: '0',
      OUTBOX_DISPATCH_INTERVAL: '100ms',
    },
  });
  let testApp: TestApp;

  beforeAll(() => {
    ({ testApp } = suite);
  });

  expectLedgerBalancedAfterEach(suite);

  const retryLater = () =>
    testApp.app.get(ReturnRefundJob).retryDue(new Date(Date.now() + 10 * 60_000));

  it('approves and refunds a return as soon as it is asked with RETURNS_AUTO_APPROVE', async () => {
    const { buyer, order, products } = await paidOrder(suite, [{ priceCents: 1250, quantity: 2 }]);
    const refunded = await requestReturn(suite, buyer.auth, order.id, [
      { productId: products[0].id, quantity: 2 },
    ]).expect(201);
    expect(refunded.body).toMatchObject({ status: 'refunded', amount: '25.00' });
    expect(refunded.body.history).toEqual([
      expect.objectContaining({ status: 'requested', by: buyer.id }),
      expect.objectContaining({ status: 'approved', by: 'system' }),
      expect.objectContaining({ status: 'refunded', by: 'system' }),
    ]);
    const [payment] = await gatewayPaymentsFor(suite, order.id);
    expect(payment.refundedAmount).toBe(2500);
  });

  it('leaves a refund the gateway fails approved with its failure; the reconciler makes it once', async () => {
    const { buyer, order, products } = await paidOrder(suite, [{ priceCents: 4000, quantity: 1 }], {
      cardNumber: CARDS.refundsFailFirst,
    });
    const shopBefore = await shopBalance(suite);
    const approved = await requestReturn(suite, buyer.auth, order.id, [
      { productId: products[0].id, quantity: 1 },
    ]).expect(201);
    expect(approved.body).toMatchObject({
      status: 'approved',
      refund: { gatewayRefundId: null, failedAttempts: 1, failure: expect.any(String) },
    });
    expect(await shopBalance(suite)).toBe(shopBefore);
    expect((await gatewayPaymentsFor(suite, order.id))[0].refundedAmount).toBe(0);

    expect(await retryLater()).toBe(1);
    expect(await retryLater()).toBe(0);
    const after = await testApp.http
      .get(`/returns/${approved.body.id}`)
      .set('Authorization', buyer.auth)
      .expect(200);
    expect(after.body).toMatchObject({ status: 'refunded', refund: { failure: null } });
    expect(await shopBalance(suite)).toBe(shopBefore - 4000);
    const [payment] = await gatewayPaymentsFor(suite, order.id);
    expect(payment).toMatchObject({ refundedAmount: 4000 });
    expect(payment.refunds).toHaveLength(1);
    const orderAfter = await testApp.http
      .get(`/orders/${order.id}`)
      .set('Authorization', buyer.auth)
      .expect(200);
    expect(cents(orderAfter.body.total) - cents(orderAfter.body.refunded)).toBe(0);
  });

  it('accepts exactly one of two requests for the last returnable unit sent at once', async () => {
    for (let round = 0; round < 3; round++) {
      const { buyer, order, products } = await paidOrder(suite, [{ priceCents: 700, quantity: 1 }]);
      const items = [{ productId: products[0].id, quantity: 1 }];
      testApp.concurrency.reset();
      const answers = await Promise.all([
        requestReturn(suite, buyer.auth, order.id, items),
        requestReturn(suite, buyer.auth, order.id, items),
      ]);
      expect(testApp.concurrency.peak).toBeGreaterThan(1);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 422]);
      const [payment] = await gatewayPaymentsFor(suite, order.id);
      expect(payment.refundedAmount).toBe(700);
    }
  });
});
