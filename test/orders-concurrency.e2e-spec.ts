import { MongoEmulator } from '@kassa/mongo-emulator';
import { OrderExpiryJob } from '../apps/api/src/orders/order-expiry.job';
import { createTestApp, TestApp } from './support';
import { useTestApp } from './support/auth';
import { Factory } from './factories/records.factory';
import { addToCart, newCustomer, stockOf } from './support/shop';

describe('orders under concurrency (e2e)', () => {
  const suite = useTestApp({ env: { ORDER_EXPIRY_INTERVAL: '0' } });
  let testApp: TestApp;

  beforeAll(() => {
    ({ testApp } = suite);
  });

  it('sells the last 5 units to exactly 5 of 20 customers ordering at once', async () => {
    const product = await suite.factory.product({ stock: 5 });
    const buyers = await Promise.all(
      Array.from({ length: 20 }, () => newCustomer(testApp.http, suite.factory)),
    );
    for (const buyer of buyers) await addToCart(testApp.http, buyer.auth, product.id, 1);
    testApp.concurrency.reset();
    const responses = await Promise.all(
      buyers.map((buyer) => testApp.http.post('/orders').set('Authorization', buyer.auth)),
    );
    expect(testApp.concurrency.peak).toBeGreaterThan(1);
    expect(responses.filter((response) => response.status === 201)).toHaveLength(5);
    const refused = responses.filter((response) => response.status === 422);
    expect(refused).toHaveLength(15);
    expect(refused.every((response) => response.body.error.code === 'INSUFFICIENT_STOCK')).toBe(
      true,
    );
    expect(await stockOf(testApp, product.id)).toBe(0);
    expect(
      await testApp.connection
        .collection('orders')
        .countDocuments({ 'lines.productId': product.id }),
    ).toBe(5);
  });

  it('gives a promo code with 3 uses left to exactly 3 of 10 customers ordering at once', async () => {
    const code = `RACE${Date.now()}`;
    await testApp.http
      .post('/promo-codes')
      .set('Authorization', suite.admin)
      .send({ code, type: 'percent', percent: 50, usageLimit: 3 })
      .expect(201);
    const product = await suite.factory.product({ stock: 100, priceCents: 1000 });
    const buyers = await Promise.all(
      Array.from({ length: 10 }, () => newCustomer(testApp.http, suite.factory)),
    );
    for (const buyer of buyers) {
      await addToCart(testApp.http, buyer.auth, product.id, 1);
      await testApp.http
        .post('/cart/promo-code')
        .set('Authorization', buyer.auth)
        .send({ code })
        .expect(200);
    }
    testApp.concurrency.reset();
    const responses = await Promise.all(
      buyers.map((buyer) => testApp.http.post('/orders').set('Authorization', buyer.auth)),
    );
    expect(testApp.concurrency.peak).toBeGreaterThan(1);
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    const totals = responses.map((response) => response.body.total).sort();
    expect(totals).toEqual([...Array(7).fill('10.00'), ...Array(3).fill('5.00')]);
    expect(responses.filter((response) => response.body.promoCode?.code === code)).toHaveLength(3);
  });
});

describe('the expiry job on two instances at once (e2e)', () => {
  let emulator: MongoEmulator;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    emulator = await MongoEmulator.start();
    const shared = {
      MONGODB_URI: emulator.uri,
      MONGODB_DB_NAME: `kassa_expiry_${Date.now()}`,
      ORDER_EXPIRY_INTERVAL: '0',
      ORDER_PAYMENT_TIMEOUT: '1s',
    };
    for (let i = 0; i < 2; i++) apps.push(await createTestApp({ env: shared }));
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await emulator?.stop();
  });

  it('expires each order once and gives its stock back once', async () => {
    const [first, second] = apps;
    const factory = new Factory(first.connection);
    const product = await factory.product({ stock: 40 });
    for (let i = 0; i < 20; i++) {
      const buyer = await newCustomer(first.http, factory);
      await addToCart(first.http, buyer.auth, product.id, 2);
      await first.http.post('/orders').set('Authorization', buyer.auth).expect(201);
    }
    expect(await stockOf(first, product.id)).toBe(0);
    const later = new Date(Date.now() + 5_000);
    const counts = await Promise.all([
      first.app.get(OrderExpiryJob).expireDue(later),
      second.app.get(OrderExpiryJob).expireDue(later),
    ]);
    expect(counts[0] + counts[1]).toBe(20);
    expect(await stockOf(first, product.id)).toBe(40);
    const orders = await first.connection
      .collection('orders')
      .find({ 'lines.productId': product.id })
      .toArray();
    expect(orders.every((order) => order.status === 'expired' && order.history.length === 2)).toBe(
      true,
    );
  });
});
