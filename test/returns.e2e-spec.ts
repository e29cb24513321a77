import { TestApp } from './support';
import { useTestApp } from './support/auth';
import { expectLedgerBalancedAfterEach } from './support/ledger';
import { gatewayPaymentsFor } from './support/payments';
import {
  approveReturn,
  cents,
  paidOrder,
  promoCode,
  requestReturn,
  shopBalance,
} from './support/returns';
import { addToCart, newCustomer, stockOf } from './support/shop';

describe('returns and refunds (e2e)', () => {
  const suite = useTestApp({
    env: {
      PAYMENT_GATEWAY: 'mock',
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

  const orderOf = async (auth: string, id: string) =>
    (await testApp.http.get(`/orders/${id}`).set('Authorization', auth).expect(200)).body;

  it('returns a whole order: requested, approved by an admin, refunded to the card exactly once', async () => {
    const { buyer, order, products } = await paidOrder(suite, [
      { priceCents: 1999, quantity: 2 },
      { priceCents: 500, quantity: 1 },
    ]);
    const shopBefore = await shopBalance(suite);
    const stockBefore = await stockOf(testApp, products[0].id);

    const requested = await requestReturn(suite, buyer.auth, order.id, [
      { productId: products[0].id, quantity: 2 },
      { productId: products[1].id, quantity: 1 },
    ]).expect(201);
    expect(requested.body).toMatchObject({
      orderId: order.id,
      customerId: buyer.id,
      status: 'requested',
      amount: '44.98',
      currency: 'USD',
      reason: 'Not what I expected',
    });
    expect(await stockOf(testApp, products[0].id)).toBe(stockBefore);

    const approved = await approveReturn(suite, requested.body.id).expect(200);
    expect(approved.body).toMatchObject({
      status: 'refunded',
      amount: '44.98',
      refund: { gatewayRefundId: expect.any(String), failure: null },
    });
    expect(approved.body.history.map((entry: { status: string }) => entry.status)).toEqual([
      'requested',
      'approved',
      'refunded',
    ]);
    expect(await stockOf(testApp, products[0].id)).toBe(stockBefore + 2);
    expect(await shopBalance(suite)).toBe(shopBefore - 4498);
    const [payment] = await gatewayPaymentsFor(suite, order.id);
    expect(payment).toMatchObject({ amount: 4498, refundedAmount: 4498 });

    const after = await orderOf(buyer.auth, order.id);
    expect(after).toMatchObject({ status: 'returned', total: '44.98', refunded: '44.98' });
    expect(cents(after.total) - cents(after.refunded)).toBe(0);
    await approveReturn(suite, requested.body.id).expect(409);
    const mail = await suite.smtp.nextMailTo(buyer.email, 10_000, (message) =>
      message.subject.includes('refunded'),
    );
    expect(mail.text).toContain('44.98 USD');
  });

  it('takes partial returns up to what was bought, then refuses naming what is left (422)', async () => {
    const { buyer, order, products } = await paidOrder(suite, [{ priceCents: 1000, quantity: 3 }]);
    const productId = products[0].id;
    const first = await requestReturn(suite, buyer.auth, order.id, [{ productId, quantity: 1 }]);
    expect(first.status).toBe(201);
    await approveReturn(suite, first.body.id).expect(200);
    expect((await orderOf(buyer.auth, order.id)).status).toBe('partially_returned');

    const second = await requestReturn(suite, buyer.auth, order.id, [{ productId, quantity: 2 }]);
    expect(second.status).toBe(201);
    const beyond = await requestReturn(suite, buyer.auth, order.id, [{ productId, quantity: 1 }]);
    expect(beyond.status).toBe(422);
    expect(beyond.body.error).toMatchObject({
      code: 'RETURN_QUANTITY_EXCEEDED',
      details: [{ field: 'items[0].quantity', productId, available: 0 }],
    });

    await approveReturn(suite, second.body.id).expect(200);
    const after = await orderOf(buyer.auth, order.id);
    expect(after).toMatchObject({ status: 'returned', refunded: '30.00' });
    expect(after.history.map((entry: { status: string }) => entry.status)).toEqual([
      'pending',
      'paid',
      'partially_returned',
      'returned',
    ]);
    await requestReturn(suite, buyer.auth, order.id, [{ productId, quantity: 1 }]).expect(409);
  });

  it('names what is returnable when a request asks too much, and refuses unknown products', async () => {
    const { buyer, order, products } = await paidOrder(suite, [{ priceCents: 1000, quantity: 2 }]);
    const tooMany = await requestReturn(suite, buyer.auth, order.id, [
      { productId: products[0].id, quantity: 3 },
    ]).expect(422);
    expect(tooMany.body.error.details).toEqual([
      expect.objectContaining({ productId: products[0].id, available: 2 }),
    ]);
    const other = await suite.factory.product();
    const unknown = await requestReturn(suite, buyer.auth, order.id, [
      { productId: other.id, quantity: 1 },
    ]).expect(422);
    expect(unknown.body.error.details[0]).toMatchObject({ productId: other.id, available: 0 });
    await requestReturn(suite, buyer.auth, order.id, []).expect(400);
    await testApp.http
      .post(`/orders/${order.id}/returns`)
      .set('Authorization', buyer.auth)
      .send({ items: [{ productId: products[0].id, quantity: 1 }], reason: '   ' })
      .expect(400);
    await requestReturn(suite, buyer.auth, order.id, [
      { productId: products[0].id, quantity: 0 },
    ]).expect(400);
    const returns = await testApp.http
      .get(`/orders/${order.id}/returns`)
      .set('Authorization', buyer.auth)
      .expect(200);
    expect(returns.body.total).toBe(0);
  });

  it('refuses a return of an unpaid order (409) and of another customer’s order (404)', async () => {
    const buyer = await newCustomer(testApp.http, suite.factory);
    const product = await suite.factory.product({ stock: 5 });
    await addToCart(testApp.http, buyer.auth, product.id, 1);
    const pending = await testApp.http.post('/orders').set('Authorization', buyer.auth).expect(201);
    const refused = await requestReturn(suite, buyer.auth, pending.body.id, [
      { productId: product.id, quantity: 1 },
    ]).expect(409);
    expect(refused.body.error).toMatchObject({
      code: 'RETURN_NOT_ALLOWED',
      details: [expect.objectContaining({ reason: 'NOT_PAID' })],
    });

    const { order, products } = await paidOrder(suite, [{ priceCents: 1000, quantity: 1 }]);
    await requestReturn(suite, buyer.auth, order.id, [
      { productId: products[0].id, quantity: 1 },
    ]).expect(404);
    await testApp.http
      .get(`/orders/${order.id}/returns`)
      .set('Authorization', buyer.auth)
      .expect(404);
  });

  it('refuses a return once the return window has passed (409 WINDOW_CLOSED)', async () => {
    const { buyer, order, products } = await paidOrder(suite, [{ priceCents: 1000, quantity: 1 }]);
    const longAgo = new Date(Date.now() - 15 * 24 * 60 * 60 * 1000);
    await testApp.connection
      .collection('orders')
      .updateOne({ _id: order.id as never }, { $set: { paidAt: longAgo } });
    const refused = await requestReturn(suite, buyer.auth, order.id, [
      { productId: products[0].id, quantity: 1 },
    ]).expect(409);
    expect(refused.body.error.details[0].reason).toBe('WINDOW_CLOSED');
  });

  it('rejects a return with a reason, and the units may be asked back again', async () => {
    const { buyer, order, products } = await paidOrder(suite, [{ priceCents: 1000, quantity: 1 }]);
    const productId = products[0].id;
    const requested = await requestReturn(suite, buyer.auth, order.id, [
      { productId, quantity: 1 },
    ]);
    await requestReturn(suite, buyer.auth, order.id, [{ productId, quantity: 1 }]).expect(422);
    const shopBefore = await shopBalance(suite);

    const rejected = await testApp.http
      .post(`/returns/${requested.body.id}/reject`)
      .set('Authorization', suite.admin)
      .send({ reason: 'Shows wear' })
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Shows wear' });
    expect(await shopBalance(suite)).toBe(shopBefore);
    await approveReturn(suite, requested.body.id).expect(409);
    await testApp.http
      .post(`/returns/${requested.body.id}/reject`)
      .set('Authorization', suite.admin)
      .send({})
      .expect(400);
    const mail = await suite.smtp.nextMailTo(buyer.email, 10_000, (message) =>
      message.subject.includes('rejected'),
    );
    expect(mail.text).toContain('Shows wear');

    await requestReturn(suite, buyer.auth, order.id, [{ productId, quantity: 1 }]).expect(201);
    expect((await orderOf(buyer.auth, order.id)).status).toBe('paid');
  });

  it('answers a replayed request with the same return (one return for one key)', async () => {
    const { buyer, order, products } = await paidOrder(suite, [{ priceCents: 1000, quantity: 2 }]);
    const send = () =>
      testApp.http
        .post(`/order/${order.id}/return/`)
        .set('Authorization', buyer.auth)
        .set('Idempotency-Key', `return-${order.id}`)
        .send({ items: [{ productId: products[0].id, quantity: 1 }], reason: 'Too big' });
    const first = await send().expect(201);
    const replay = await send().expect(201);
    expect(replay.body.id).toBe(first.body.id);
    const returns = await testApp.http
      .get(`/orders/${order.id}/returns`)
      .set('Authorization', buyer.auth)
      .expect(200);
    expect(returns.body.items.map((item: { id: string }) => item.id)).toEqual([first.body.id]);
  });

  it('refunds to the cent with a promo code spread over three lines, summing to what was paid', async () => {
    const code = await promoCode(suite, '1.00');
    const { buyer, order, products } = await paidOrder(
      suite,
      [
        { priceCents: 1000, quantity: 3 },
        { priceCents: 333, quantity: 1 },
        { priceCents: 2001, quantity: 2 },
      ],
      { promoCode: code },
    );
    expect(order.total).toBe('72.35');
    const refunds: number[] = [];
    const plan = [
      [{ productId: products[0].id, quantity: 1 }],
      [
        { productId: products[0].id, quantity: 1 },
        { productId: products[2].id, quantity: 1 },
      ],
      [{ productId: products[1].id, quantity: 1 }],
      [
        { productId: products[0].id, quantity: 1 },
        { productId: products[2].id, quantity: 1 },
      ],
    ];
    for (const items of plan) {
      const requested = await requestReturn(suite, buyer.auth, order.id, items).expect(201);
      const refunded = await approveReturn(suite, requested.body.id).expect(200);
      expect(refunded.body.status).toBe('refunded');
      refunds.push(cents(refunded.body.amount));
    }
    expect(refunds.reduce((sum, amount) => sum + amount, 0)).toBe(7235);
    const lineTotals = order.lines.map((line) => cents(line.total));
    expect(lineTotals.reduce((sum, amount) => sum + amount, 0)).toBe(7235);
    const after = await orderOf(buyer.auth, order.id);
    expect(after).toMatchObject({ status: 'returned', refunded: '72.35' });
    const [payment] = await gatewayPaymentsFor(suite, order.id);
    expect(payment.refundedAmount).toBe(7235);
    expect(payment.refunds).toHaveLength(4);
  });

  it('answers the order’s return status through the requirement route', async () => {
    const { buyer, order, products } = await paidOrder(suite, [{ priceCents: 1000, quantity: 2 }]);
    const status = () =>
      testApp.http
        .get(`/order/${order.id}/return_status/`)
        .set('Authorization', buyer.auth)
        .expect(200);
    expect((await status()).body).toEqual({ orderId: order.id, status: 'none', returns: [] });
    const requested = await requestReturn(suite, buyer.auth, order.id, [
      { productId: products[0].id, quantity: 1 },
    ]).expect(201);
    expect((await status()).body).toEqual({
      orderId: order.id,
      status: 'requested',
      returns: [{ id: requested.body.id, status: 'requested', amount: '10.00', currency: 'USD' }],
    });
    await approveReturn(suite, requested.body.id).expect(200);
    expect((await status()).body).toMatchObject({
      status: 'partially_returned',
      returns: [{ id: requested.body.id, status: 'refunded', amount: '10.00' }],
    });
  });

  it('lets admins list and filter every return, and nobody else', async () => {
    const { buyer, order, products } = await paidOrder(suite, [{ priceCents: 1000, quantity: 1 }]);
    const requested = await requestReturn(suite, buyer.auth, order.id, [
      { productId: products[0].id, quantity: 1 },
    ]).expect(201);
    const listed = await testApp.http
      .get(`/returns?filter[orderId]=${order.id}&filter[status]=requested`)
      .set('Authorization', suite.admin)
      .expect(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: requested.body.id }] });
    await testApp.http.get('/returns').set('Authorization', buyer.auth).expect(403);
    await testApp.http
      .get('/returns?filter[reason]=x')
      .set('Authorization', suite.admin)
      .expect(400);
    await testApp.http
      .get(`/returns/${requested.body.id}`)
      .set('Authorization', buyer.auth)
      .expect(200);
    const stranger = await newCustomer(testApp.http, suite.factory);
    await testApp.http
      .get(`/returns/${requested.body.id}`)
      .set('Authorization', stranger.auth)
      .expect(404);
    await testApp.http
      .post(`/returns/${requested.body.id}/approve`)
      .set('Authorization', buyer.auth)
      .expect(403);
  });
});
