import { PaymentReconcilerJob } from '../apps/api/src/payments/reconciler/payment-reconciler.job';
import { createTestApp, TestApp } from './support';
import { authTestEnvironment, bearer, loginAs, registerAndVerify } from './support/auth';
import { Factory } from './factories/records.factory';
import { expectLedgerBalanced } from './support/ledger';
import { startTestGateway, TestGateway } from './support/payment-gateway';
import { card, CARDS } from './support/payments';
import { addToCart } from './support/shop';
import { SmtpSink } from './support/smtp';

describe('paying orders through the standalone gateway app (e2e)', () => {
  let gateway: TestGateway;
  let smtp: SmtpSink;
  let testApp: TestApp;
  let admin: string;

  beforeAll(async () => {
    gateway = await startTestGateway({ hangMs: 1_500 });
    smtp = await SmtpSink.start();
    testApp = await createTestApp({
      env: {
        ...authTestEnvironment(smtp),
        PAYMENT_GATEWAY: 'http',
        PAYMENT_GATEWAY_URL: gateway.baseUrl,
        PAYMENT_GATEWAY_TIMEOUT: '400ms',
        PAYMENT_GATEWAY_ATTEMPTS: '2',
        PAYMENT_RECONCILE_INTERVAL: '0',
      },
    });
    admin = bearer((await loginAs(testApp.http, 'admin', 'admin-password-123')).accessToken);
  });

  afterAll(async () => {
    await testApp?.close();
    await smtp?.stop();
    await gateway?.stop();
  });

  afterEach(async () => {
    await expectLedgerBalanced(testApp.http, admin);
  });

  it('walks the whole path: register, verify, fill the cart, order, pay, read the history', async () => {
    const account = await registerAndVerify(testApp.http, smtp);
    const auth = bearer(
      (await loginAs(testApp.http, account.username, account.password)).accessToken,
    );
    const factory = new Factory(testApp.connection);
    const product = await factory.product({ priceCents: 7_999, stock: 3 });
    await addToCart(testApp.http, auth, product.id, 2);
    const order = (await testApp.http.post('/orders').set('Authorization', auth).expect(201)).body;
    const paid = await testApp.http
      .post(`/orders/${order.id}/pay`)
      .set('Authorization', auth)
      .set('Idempotency-Key', `pay-${order.id}`)
      .send({ card: card() })
      .expect(200);
    expect(paid.body).toMatchObject({
      payment: { status: 'paid', amount: '159.98' },
      order: { status: 'paid' },
    });
    const history = await testApp.http.get('/orders').set('Authorization', auth).expect(200);
    expect(history.body.items).toEqual([
      expect.objectContaining({ id: order.id, status: 'paid', total: '159.98' }),
    ]);
    const atGateway = await fetch(`${gateway.baseUrl}/payments?reference=${order.id}`);
    expect(await atGateway.json()).toMatchObject({ amount: 15_998, refundedAmount: 0 });
  });

  it('settles through the reconciler a charge whose answer hung past the timeout', async () => {
    const factory = new Factory(testApp.connection);
    const account = await factory.customer();
    const auth = bearer(
      (await loginAs(testApp.http, account.username, account.password)).accessToken,
    );
    await addToCart(testApp.http, auth, (await factory.product()).id, 1);
    const order = (await testApp.http.post('/orders').set('Authorization', auth).expect(201)).body;
    await testApp.http
      .post(`/orders/${order.id}/pay`)
      .set('Authorization', auth)
      .send({ card: card(CARDS.hangs) })
      .expect(202);
    await testApp.app.get(PaymentReconcilerJob).reconcile(new Date(Date.now() + 10 * 60_000));
    expect(
      (await testApp.http.get(`/orders/${order.id}`).set('Authorization', auth)).body.status,
    ).toBe('paid');
  });

  it('answers a decline with 402', async () => {
    const factory = new Factory(testApp.connection);
    const account = await factory.customer();
    const auth = bearer(
      (await loginAs(testApp.http, account.username, account.password)).accessToken,
    );
    await addToCart(testApp.http, auth, (await factory.product()).id, 1);
    const order = (await testApp.http.post('/orders').set('Authorization', auth).expect(201)).body;
    const declined = await testApp.http
      .post(`/orders/${order.id}/pay`)
      .set('Authorization', auth)
      .send({ card: card(CARDS.declined) })
      .expect(402);
    expect(declined.body.error.details[0].reason).toBe('card_declined');
  });
});
