import { OrderExpiryJob } from '../apps/api/src/orders/order-expiry.job';
import { TestApp } from './support';
import { TEST_ADMIN, useTestApp } from './support/auth';
import { eventually } from './support/eventually';
import { addToCart, newCustomer, stockOf } from './support/shop';

describe('orders (e2e)', () => {
  const suite = useTestApp({
    env: {
      ORDER_EXPIRY_INTERVAL: '0',
      OUTBOX_DISPATCH_INTERVAL: '100ms',
      OUTBOX_RETRY_DELAY: '100ms',
    },
  });
  let testApp: TestApp;
  let admin: string;

  beforeAll(() => {
    ({ testApp, admin } = suite);
  });

  const order = (auth: string, path = '/orders') =>
    testApp.http.post(path).set('Authorization', auth);

  it('orders the cart through every route name, snapshotting prices, discount and promo shares', async () => {
    for (const path of ['/orders', '/order/create/', '/order']) {
      const buyer = await newCustomer(testApp.http, suite.factory);
      const a = await suite.factory.product({ priceCents: 1999, stock: 10 });
      const b = await suite.factory.product({ priceCents: 1000, stock: 10 });
      await testApp.http
        .post('/discounts')
        .set('Authorization', admin)
        .send({ name: 'Ten', type: 'percent', percent: 10, target: 'product', targetIds: [a.id] })
        .expect(201);
      const code = `O${Date.now()}${Math.floor(Math.random() * 1000)}`;
      await testApp.http
        .post('/promo-codes')
        .set('Authorization', admin)
        .send({ code, type: 'fixed', amount: '1.00' })
        .expect(201);
      await addToCart(testApp.http, buyer.auth, a.id, 2);
      await addToCart(testApp.http, buyer.auth, b.id, 1);
      await testApp.http
        .post('/cart/promo-code')
        .set('Authorization', buyer.auth)
        .send({ code })
        .expect(200);
      const cartTotal = (await testApp.http.get('/cart').set('Authorization', buyer.auth)).body
        .total;

      const created = await order(buyer.auth, path).expect(201);
      expect(created.body).toMatchObject({
        status: 'pending',
        customerId: buyer.id,
        subtotal: '45.98',
        promoCode: { code, discount: '1.00' },
        total: cartTotal,
        history: [expect.objectContaining({ status: 'pending', by: buyer.id })],
      });
      expect(created.body.lines).toEqual([
        expect.objectContaining({
          productId: a.id,
          quantity: 2,
          unitPrice: '19.99',
          discount: expect.objectContaining({ amount: '4.00' }),
          lineTotal: '35.98',
          promoShare: '0.78',
          total: '35.20',
        }),
        expect.objectContaining({
          productId: b.id,
          quantity: 1,
          unitPrice: '10.00',
          discount: null,
          lineTotal: '10.00',
          promoShare: '0.22',
          total: '9.78',
        }),
      ]);
      expect(new Date(created.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
      expect(await stockOf(testApp, a.id)).toBe(8);
      expect((await testApp.http.get('/cart').set('Authorization', buyer.auth)).body.lines).toEqual(
        [],
      );
      expect(created.body.note).toBeUndefined();
    }
  });

  it('refuses an empty cart, a line short of stock (reserving nothing) and an unavailable line', async () => {
    const buyer = await newCustomer(testApp.http, suite.factory);
    const empty = await order(buyer.auth).expect(422);
    expect(empty.body.error.code).toBe('CART_EMPTY');

    const plenty = await suite.factory.product({ stock: 10 });
    const scarce = await suite.factory.product({ stock: 3 });
    await addToCart(testApp.http, buyer.auth, plenty.id, 2);
    await addToCart(testApp.http, buyer.auth, scarce.id, 3);
    await testApp.connection
      .collection('products')
      .updateOne({ _id: scarce.id as never }, { $set: { stock: 1 } });
    const short = await order(buyer.auth).expect(422);
    expect(short.body.error).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      message: expect.stringContaining(scarce.id),
      details: [expect.objectContaining({ available: 1 })],
    });
    expect(await stockOf(testApp, plenty.id)).toBe(10);

    await testApp.http
      .patch(`/cart/items/${scarce.id}`)
      .set('Authorization', buyer.auth)
      .send({ quantity: 1 })
      .expect(200);
    await testApp.http
      .patch(`/products/${scarce.id}`)
      .set('Authorization', admin)
      .send({ active: false })
      .expect(200);
    const unavailable = await order(buyer.auth).expect(422);
    expect(unavailable.body.error).toMatchObject({
      code: 'PRODUCT_UNAVAILABLE',
      details: [expect.objectContaining({ reason: 'INACTIVE' })],
    });
    expect(await stockOf(testApp, plenty.id)).toBe(10);
  });

  it('shows customers their own orders only, newest first, and admins all of them', async () => {
    const buyer = await newCustomer(testApp.http, suite.factory);
    const other = await newCustomer(testApp.http, suite.factory);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      await addToCart(
        testApp.http,
        buyer.auth,
        (await suite.factory.product({ priceCents: 1000 * (i + 1) })).id,
      );
      ids.push((await order(buyer.auth).expect(201)).body.id);
    }
    const own = await testApp.http.get('/orders').set('Authorization', buyer.auth).expect(200);
    expect(own.body.items.map((item: { id: string }) => item.id)).toEqual([...ids].reverse());
    const cheap = await testApp.http
      .get('/orders?filter[total][lte]=15&sort=total')
      .set('Authorization', buyer.auth)
      .expect(200);
    expect(cheap.body.items.map((item: { total: string }) => item.total)).toEqual(['10.00']);
    expect((await testApp.http.get('/orders').set('Authorization', other.auth)).body.total).toBe(0);
    await testApp.http.get(`/orders/${ids[0]}`).set('Authorization', other.auth).expect(404);
    await testApp.http.get(`/order/${ids[0]}`).set('Authorization', buyer.auth).expect(200);
    await testApp.http
      .get(`/orders?filter[customerId]=${buyer.id}`)
      .set('Authorization', buyer.auth)
      .expect(400);
    const byAdmin = await testApp.http
      .get(`/orders?filter[customerId]=${buyer.id}`)
      .set('Authorization', admin)
      .expect(200);
    expect(byAdmin.body.total).toBe(3);
    expect(byAdmin.body.items[0].note).toBe('');
    await testApp.http.get('/orders').expect(401);
  });

  it('cancels a pending order, giving back stock and the promo use, and only once', async () => {
    const buyer = await newCustomer(testApp.http, suite.factory);
    const product = await suite.factory.product({ stock: 4 });
    const code = `C${Date.now()}`;
    const promo = (
      await testApp.http
        .post('/promo-codes')
        .set('Authorization', admin)
        .send({ code, type: 'percent', percent: 5, usageLimit: 1 })
        .expect(201)
    ).body;
    await addToCart(testApp.http, buyer.auth, product.id, 3);
    await testApp.http
      .post('/cart/promo-code')
      .set('Authorization', buyer.auth)
      .send({ code })
      .expect(200);
    const created = (await order(buyer.auth).expect(201)).body;
    expect(
      (await testApp.http.get(`/promo-codes/${promo.id}`).set('Authorization', admin)).body
        .usedCount,
    ).toBe(1);

    const other = await newCustomer(testApp.http, suite.factory);
    await testApp.http
      .post(`/orders/${created.id}/cancel`)
      .set('Authorization', other.auth)
      .expect(404);
    const cancelled = await testApp.http
      .post(`/orders/${created.id}/cancel`)
      .set('Authorization', buyer.auth)
      .expect(200);
    expect(cancelled.body.history.map((entry: { status: string }) => entry.status)).toEqual([
      'pending',
      'cancelled',
    ]);
    expect(await stockOf(testApp, product.id)).toBe(4);
    expect(
      (await testApp.http.get(`/promo-codes/${promo.id}`).set('Authorization', admin)).body
        .usedCount,
    ).toBe(0);
    const again = await testApp.http
      .post(`/orders/${created.id}/cancel`)
      .set('Authorization', buyer.auth)
      .expect(409);
    expect(again.body.error).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'Order cannot go from cancelled to cancelled',
    });
    expect(await stockOf(testApp, product.id)).toBe(4);
  });

  it('lets admins set a note and cancel unpaid orders, never delete one, and customers neither', async () => {
    const buyer = await newCustomer(testApp.http, suite.factory);
    await addToCart(testApp.http, buyer.auth, (await suite.factory.product()).id);
    const id = (await order(buyer.auth).expect(201)).body.id;
    await testApp.http
      .patch(`/orders/${id}`)
      .set('Authorization', buyer.auth)
      .send({ note: 'x' })
      .expect(403);
    await testApp.http.delete(`/orders/${id}`).set('Authorization', buyer.auth).expect(403);
    const noted = await testApp.http
      .patch(`/order/${id}`)
      .set('Authorization', admin)
      .send({ note: 'Gift wrap' })
      .expect(200);
    expect(noted.body).toMatchObject({ note: 'Gift wrap', status: 'pending' });
    expect(
      (await testApp.http.get(`/orders/${id}`).set('Authorization', buyer.auth)).body.note,
    ).toBeUndefined();
    await testApp.http
      .patch(`/orders/${id}`)
      .set('Authorization', admin)
      .send({ status: 'paid' })
      .expect(400);
    await testApp.http
      .put(`/orders/${id}`)
      .set('Authorization', admin)
      .send({ total: '0.00', note: 'x' })
      .expect(400);
    await testApp.http.delete(`/orders/${id}`).set('Authorization', admin).expect(204);
    expect((await testApp.http.get(`/orders/${id}`).set('Authorization', admin)).body.status).toBe(
      'cancelled',
    );
    const refused = await testApp.http
      .delete(`/orders/${id}`)
      .set('Authorization', admin)
      .expect(409);
    expect(refused.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('expires unpaid orders past their deadline, giving their stock back', async () => {
    const buyer = await newCustomer(testApp.http, suite.factory);
    const product = await suite.factory.product({ stock: 5 });
    await addToCart(testApp.http, buyer.auth, product.id, 2);
    const id = (await order(buyer.auth).expect(201)).body.id;
    const job = testApp.app.get(OrderExpiryJob);
    await job.expireDue(new Date());
    expect(
      (await testApp.http.get(`/orders/${id}`).set('Authorization', buyer.auth)).body.status,
    ).toBe('pending');
    expect(await job.expireDue(new Date(Date.now() + 31 * 60_000))).toBeGreaterThanOrEqual(1);
    const expired = (await testApp.http.get(`/orders/${id}`).set('Authorization', buyer.auth)).body;
    expect(expired.status).toBe('expired');
    expect(expired.history.at(-1)).toMatchObject({ status: 'expired', by: 'system' });
    expect(await stockOf(testApp, product.id)).toBe(5);
  });

  describe('Idempotency-Key', () => {
    it('replays the first answer to a repeat with the same key, and refuses another body', async () => {
      const buyer = await newCustomer(testApp.http, suite.factory);
      await addToCart(testApp.http, buyer.auth, (await suite.factory.product()).id);
      const first = await order(buyer.auth).set('Idempotency-Key', 'order-1').expect(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const repeat = await order(buyer.auth).set('Idempotency-Key', 'order-1').expect(201);
      expect(repeat.headers['idempotent-replayed']).toBe('true');
      expect(repeat.body).toEqual(first.body);
      const reused = await order(buyer.auth)
        .set('Idempotency-Key', 'order-1')
        .send({ other: true })
        .expect(422);
      expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect((await testApp.http.get('/orders').set('Authorization', buyer.auth)).body.total).toBe(
        1,
      );
    });

    it('replays an error answer too, and keeps keys per caller', async () => {
      const buyer = await newCustomer(testApp.http, suite.factory);
      const other = await newCustomer(testApp.http, suite.factory);
      await order(buyer.auth).set('Idempotency-Key', 'shared').expect(422);
      await addToCart(testApp.http, buyer.auth, (await suite.factory.product()).id);
      const replayed = await order(buyer.auth).set('Idempotency-Key', 'shared').expect(422);
      expect([replayed.body.error.code, replayed.headers['idempotent-replayed']]).toEqual([
        'CART_EMPTY',
        'true',
      ]);
      await addToCart(testApp.http, other.auth, (await suite.factory.product()).id);
      await order(other.auth).set('Idempotency-Key', 'shared').expect(201);
    });

    it('makes one order of ten concurrent requests with one key', async () => {
      const buyer = await newCustomer(testApp.http, suite.factory);
      await addToCart(testApp.http, buyer.auth, (await suite.factory.product({ stock: 50 })).id, 2);
      testApp.concurrency.reset();
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => order(buyer.auth).set('Idempotency-Key', 'burst')),
      );
      expect(testApp.concurrency.peak).toBeGreaterThan(1);
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
      expect(new Set(responses.filter((r) => r.status === 201).map((r) => r.body.id)).size).toBe(1);
      expect((await testApp.http.get('/orders').set('Authorization', buyer.auth)).body.total).toBe(
        1,
      );
    });

    it('refuses a malformed key', async () => {
      const buyer = await newCustomer(testApp.http, suite.factory);
      const response = await order(buyer.auth).set('Idempotency-Key', 'with spaces').expect(400);
      expect(response.body.error.details[0].field).toBe('Idempotency-Key');
    });
  });

  describe("the admins' mail", () => {
    it('reaches the mail server with the order id and total', async () => {
      const buyer = await newCustomer(testApp.http, suite.factory);
      await addToCart(
        testApp.http,
        buyer.auth,
        (await suite.factory.product({ priceCents: 12_345 })).id,
      );
      const created = (await order(buyer.auth).expect(201)).body;
      const mail = await suite.smtp.nextMailTo(TEST_ADMIN.email, 10_000, (m) =>
        m.subject.includes(created.id),
      );
      expect(mail.subject).toBe(`New order ${created.id} (123.45 USD)`);
      expect(mail.text).toContain('Total: 123.45 USD');
    });

    it('is retried while the mail server refuses it, and sent once it recovers', async () => {
      const buyer = await newCustomer(testApp.http, suite.factory);
      suite.smtp.refuseNextMailTo(TEST_ADMIN.email);
      await addToCart(testApp.http, buyer.auth, (await suite.factory.product()).id);
      const created = (await order(buyer.auth).expect(201)).body;
      const mail = await suite.smtp.nextMailTo(TEST_ADMIN.email, 10_000, (m) =>
        m.subject.includes(created.id),
      );
      await eventually(async () => {
        const stored = await testApp.connection
          .collection('outbox_messages')
          .findOne({ 'mail.subject': mail.subject });
        expect(stored).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
      });
    });
  });
});
