import { PaymentReconcilerJob } from '../apps/api/src/payments/reconciler/payment-reconciler.job';
import { TestApp } from './support';
import { useTestApp } from './support/auth';
import { expectLedgerBalancedAfterEach } from './support/ledger';
import { card, CARDS } from './support/payments';
import { newCustomer } from './support/shop';

describe('wallet top-ups (e2e)', () => {
  const suite = useTestApp({
    env: {
      PAYMENT_GATEWAY_TIMEOUT: '300ms',
      PAYMENT_GATEWAY_ATTEMPTS: '2',
      PAYMENT_GATEWAY_HANG: '2s',
      PAYMENT_RECONCILE_INTERVAL: '0',
    },
  });
  let testApp: TestApp;

  beforeAll(() => {
    ({ testApp } = suite);
  });

  expectLedgerBalancedAfterEach(suite);

  const topUp = (auth: string, amount: string, number: string = CARDS.approved) =>
    testApp.http
      .post('/me/wallet/top-ups')
      .set('Authorization', auth)
      .send({ amount, card: card(number) });
  const balance = async (auth: string) =>
    (await testApp.http.get('/me/balance').set('Authorization', auth).expect(200)).body.balance;

  it('charges the card and credits the wallet, once per key', async () => {
    const customer = await newCustomer(testApp.http, suite.factory);
    const first = await topUp(customer.auth, '50.00')
      .set('Idempotency-Key', 'top-up-1')
      .expect(201);
    expect(first.body).toMatchObject({ purpose: 'top_up', status: 'paid', amount: '50.00' });
    const repeat = await topUp(customer.auth, '50.00')
      .set('Idempotency-Key', 'top-up-1')
      .expect(201);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(await balance(customer.auth)).toBe('50.00');
    await topUp(customer.auth, '12.34').expect(201);
    expect(await balance(customer.auth)).toBe('62.34');
    const statement = await testApp.http
      .get('/me/ledger')
      .query({ 'filter[kind]': 'wallet_top_up', sort: 'createdAt' })
      .set('Authorization', customer.auth)
      .expect(200);
    expect(
      statement.body.items.map((item: { kind: string; amount: string }) => [
        item.kind,
        item.amount,
      ]),
    ).toEqual([
      ['wallet_top_up', '50.00'],
      ['wallet_top_up', '12.34'],
    ]);
  });

  it('moves nothing on a decline', async () => {
    const customer = await newCustomer(testApp.http, suite.factory);
    const declined = await topUp(customer.auth, '20.00', CARDS.declined).expect(402);
    expect(declined.body.error.code).toBe('PAYMENT_DECLINED');
    expect(await balance(customer.auth)).toBe('0.00');
  });

  it('credits a top-up left in doubt once the reconciler settles it', async () => {
    const customer = await newCustomer(testApp.http, suite.factory);
    await topUp(customer.auth, '30.00', CARDS.hangs).expect(202);
    expect(await balance(customer.auth)).toBe('0.00');
    await testApp.app.get(PaymentReconcilerJob).reconcile(new Date(Date.now() + 10 * 60_000));
    expect(await balance(customer.auth)).toBe('30.00');
  });

  it('refuses a bad amount and a bad card with 400', async () => {
    const customer = await newCustomer(testApp.http, suite.factory);
    await topUp(customer.auth, '-5').expect(400);
    await topUp(customer.auth, '0').expect(400);
    await testApp.http
      .post('/me/wallet/top-ups')
      .set('Authorization', customer.auth)
      .send({ amount: '5', card: { number: '1' } })
      .expect(400);
    await testApp.http.post('/me/wallet/top-ups').send({ amount: '5', card: card() }).expect(401);
  });
});
