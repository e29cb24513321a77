import { randomUUID } from 'node:crypto';
import { MongoEmulator } from '@kassa/mongo-emulator';
import { OrderExpiryJob } from '../apps/api/src/orders/order-expiry.job';
import { Factory } from './factories/records.factory';
import { createTestApp, TestApp } from './support';
import { bearer, loginAs } from './support/auth';
import { expectLedgerBalanced } from './support/ledger';
import { startTestGateway, TestGateway } from './support/payment-gateway';
import { card } from './support/payments';
import { addToCart, newCustomer, stockOf } from './support/shop';

const STOCK = 8;
const BUYERS = 20;
const PAID = 5;

/**
 * A checkout burst across three API instances on one standalone database, charging through one
 * gateway app: no unit is sold twice, no order is charged twice, and every order ends paid or
 * expired exactly once, its stock given back once.
 */
describe('a checkout burst across three instances (e2e)', () => {
  let emulator: MongoEmulator;
  let gateway: TestGateway;
  const instances: TestApp[] = [];

  beforeAll(async () => {
    emulator = await MongoEmulator.start();
    gateway = await startTestGateway();
    const shared = {
      MONGODB_URI: emulator.uri,
      MONGODB_DB_NAME: `kassa_burst_${randomUUID().slice(0, 8)}`,
      PAYMENT_GATEWAY: 'http',
      PAYMENT_GATEWAY_URL: gateway.baseUrl,
      PAYMENT_RECONCILE_INTERVAL: '0',
      ORDER_EXPIRY_INTERVAL: '0',
      ORDER_PAYMENT_TIMEOUT: '1s',
    };
    for (let i = 0; i < 3; i++) instances.push(await createTestApp({ env: shared }));
  }, 120_000);

  afterAll(async () => {
    for (const instance of instances) await instance.close();
    await gateway?.stop();
    await emulator?.stop();
  });

  const on = (index: number) => instances[index % instances.length];

  it('sells the stock once, charges each order once, and ends every order once', async () => {
    const factory = new Factory(instances[0].connection);
    const product = await factory.product({ stock: STOCK, priceCents: 1000 });
    const buyers: Awaited<ReturnType<typeof newCustomer>>[] = [];
    for (let i = 0; i < BUYERS; i++) {
      const buyer = await newCustomer(on(i).http, factory);
      await addToCart(on(i).http, buyer.auth, product.id, 1);
      buyers.push(buyer);
    }

    for (const instance of instances) instance.concurrency.reset();
    const created = await Promise.all(
      buyers.map((buyer, i) => on(i).http.post('/orders').set('Authorization', buyer.auth)),
    );
    expect(instances.map((instance) => instance.concurrency.peak > 1)).toEqual([true, true, true]);
    const statuses = created.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array(STOCK).fill(201), ...Array(BUYERS - STOCK).fill(422)]);
    expect(await stockOf(instances[0], product.id)).toBe(0);

    const orders = created
      .map((response, i) => ({ response, buyer: buyers[i], index: i }))
      .filter(({ response }) => response.status === 201);
    const payments = await Promise.all(
      orders
        .slice(0, PAID)
        .flatMap(({ response, buyer, index }) =>
          [index, index + 1].map((target) =>
            on(target)
              .http.post(`/orders/${response.body.id}/pay`)
              .set('Authorization', buyer.auth)
              .set('Idempotency-Key', randomUUID())
              .send({ card: card() }),
          ),
        ),
    );
    for (let i = 0; i < PAID; i++) {
      const pair = [payments[2 * i].status, payments[2 * i + 1].status].sort();
      expect(pair).toEqual([200, 409]);
    }
    for (const { response } of orders.slice(0, PAID)) {
      const found = await fetch(`${gateway.baseUrl}/payments?reference=${response.body.id}`);
      expect(await found.json()).toMatchObject({ amount: 1000, refundedAmount: 0 });
      const charges = await instances[0].connection
        .collection('card_charges')
        .find({ reference: response.body.id, status: 'paid' })
        .toArray();
      expect(charges).toHaveLength(1);
    }

    const later = new Date(Date.now() + 5_000);
    const expired = await Promise.all(
      instances.map((instance) => instance.app.get(OrderExpiryJob).expireDue(later)),
    );
    expect(expired.reduce((sum, count) => sum + count, 0)).toBe(STOCK - PAID);
    expect(await stockOf(instances[0], product.id)).toBe(STOCK - PAID);

    const stored = await instances[0].connection
      .collection('orders')
      .find({ 'lines.productId': product.id })
      .toArray();
    const lives = stored.map((order) =>
      order.history.map((entry: { status: string }) => entry.status),
    );
    expect(lives.filter((life) => life.join() === 'pending,paid')).toHaveLength(PAID);
    expect(lives.filter((life) => life.join() === 'pending,expired')).toHaveLength(STOCK - PAID);
    const account = await factory.admin();
    const admin = await loginAs(instances[1].http, account.username, account.password);
    await expectLedgerBalanced(instances[1].http, bearer(admin.accessToken));
  }, 180_000);
});
