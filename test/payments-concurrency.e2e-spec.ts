import { TestApp } from './support';
import { useTestApp } from './support/auth';
import { expectLedgerBalancedAfterEach, fundWallet } from './support/ledger';
import { balanceOf, createPayment, postPayment } from './support/payment-records';
import { newCustomer } from './support/shop';

describe('payments under concurrency and Idempotency-Key (e2e)', () => {
  const suite = useTestApp();
  let testApp: TestApp;

  beforeAll(() => {
    ({ testApp } = suite);
  });

  expectLedgerBalancedAfterEach(suite);

  const confirm = (auth: string, id: string) =>
    testApp.http.post(`/payments/${id}/confirm`).set('Authorization', auth);
  const transfersOf = (id: string) =>
    testApp.connection.collection('ledger_entries').countDocuments({ reference: `payment:${id}` });

  it('pays exactly 5 of 20 payments confirmed at once from a wallet with funds for 5', async () => {
    const payer = await newCustomer(testApp.http, suite.factory);
    const payees = await Promise.all(
      Array.from({ length: 20 }, () => newCustomer(testApp.http, suite.factory)),
    );
    await fundWallet(testApp, payer.id, 5 * 300);
    const ids: string[] = [];
    for (const payee of payees)
      ids.push(await createPayment(testApp.http, payer.auth, payee.id, '3.00'));
    testApp.concurrency.reset();
    const responses = await Promise.all(ids.map((id) => confirm(payer.auth, id)));
    expect(testApp.concurrency.peak).toBeGreaterThan(1);
    expect(responses.filter((response) => response.status === 200)).toHaveLength(5);
    const refused = responses.filter((response) => response.status === 422);
    expect(refused).toHaveLength(15);
    expect(refused.every((response) => response.body.error.code === 'INSUFFICIENT_FUNDS')).toBe(
      true,
    );
    expect(await balanceOf(testApp.http, payer.auth)).toBe('0.00');
    const stored = await testApp.connection
      .collection('payments')
      .find({ payerId: payer.id })
      .toArray();
    const statuses = stored.map((payment) => payment.status).sort();
    expect(statuses).toEqual([...Array(15).fill('created'), ...Array(5).fill('paid')]);
    const received = await Promise.all(payees.map((payee) => balanceOf(testApp.http, payee.auth)));
    expect(received.filter((balance) => balance === '3.00')).toHaveLength(5);
  });

  it('moves the money once when one confirmation is sent 10 times at once with one key', async () => {
    const payer = await newCustomer(testApp.http, suite.factory);
    const payee = await newCustomer(testApp.http, suite.factory);
    await fundWallet(testApp, payer.id, 10_000);
    const id = await createPayment(testApp.http, payer.auth, payee.id, '40.00');
    testApp.concurrency.reset();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        confirm(payer.auth, id).set('Idempotency-Key', `confirm-${id}`),
      ),
    );
    expect(testApp.concurrency.peak).toBeGreaterThan(1);
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    const paid = responses.filter((response) => response.status === 200);
    expect(new Set(paid.map((response) => JSON.stringify(response.body))).size).toBe(1);
    expect(
      responses
        .filter((response) => response.status === 409)
        .every((response) => response.body.error.code === 'IDEMPOTENCY_KEY_IN_USE'),
    ).toBe(true);
    expect(await transfersOf(id)).toBe(1);
    expect(await balanceOf(testApp.http, payer.auth)).toBe('60.00');
    const replay = await confirm(payer.auth, id)
      .set('Idempotency-Key', `confirm-${id}`)
      .expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });

  it('lets one of 10 keyless confirmations of a payment win; the others are told it is paid', async () => {
    const payer = await newCustomer(testApp.http, suite.factory);
    const payee = await newCustomer(testApp.http, suite.factory);
    await fundWallet(testApp, payer.id, 10_000);
    const id = await createPayment(testApp.http, payer.auth, payee.id, '25.00');
    testApp.concurrency.reset();
    const responses = await Promise.all(Array.from({ length: 10 }, () => confirm(payer.auth, id)));
    expect(testApp.concurrency.peak).toBeGreaterThan(1);
    expect(responses.filter((response) => response.status === 200)).toHaveLength(1);
    const conflicts = responses.filter((response) => response.status === 409);
    expect(conflicts).toHaveLength(9);
    expect(
      conflicts.every((r) => r.body.error.message === 'Payment cannot go from paid to paid'),
    ).toBe(true);
    expect(await transfersOf(id)).toBe(1);
    expect(await balanceOf(testApp.http, payee.auth)).toBe('25.00');
  });

  it('ends a payment confirmed and cancelled at the same moment in exactly one state', async () => {
    const payer = await newCustomer(testApp.http, suite.factory);
    const payee = await newCustomer(testApp.http, suite.factory);
    await fundWallet(testApp, payer.id, 10 * 100);
    for (let round = 0; round < 10; round++) {
      const id = await createPayment(testApp.http, payer.auth, payee.id, '1.00');
      const [confirmed, cancelled] = await Promise.all([
        confirm(payer.auth, id),
        testApp.http.post(`/payments/${id}/cancel`).set('Authorization', payer.auth),
      ]);
      expect([confirmed.status, cancelled.status].sort()).toEqual([200, 409]);
      const status = (await testApp.http.get(`/payments/${id}`).set('Authorization', payer.auth))
        .body.status;
      expect(await transfersOf(id)).toBe(status === 'paid' ? 1 : 0);
    }
    const paid = await testApp.connection
      .collection('payments')
      .countDocuments({ payerId: payer.id, status: 'paid' });
    expect(await balanceOf(testApp.http, payee.auth)).toBe(`${paid}.00`);
  });

  it('creates one payment per key: a repeat is replayed, another body with the key refused', async () => {
    const payer = await newCustomer(testApp.http, suite.factory);
    const payee = await newCustomer(testApp.http, suite.factory);
    const body = { payeeId: payee.id, amount: '9.99' };
    testApp.concurrency.reset();
    const burst = await Promise.all(
      Array.from({ length: 10 }, () =>
        postPayment(testApp.http, payer.auth, body).set('Idempotency-Key', 'create-burst'),
      ),
    );
    expect(testApp.concurrency.peak).toBeGreaterThan(1);
    const created = burst.filter((response) => response.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(burst.every((response) => [201, 409].includes(response.status))).toBe(true);
    expect(new Set(created.map((response) => response.body.id)).size).toBe(1);
    const repeat = await postPayment(testApp.http, payer.auth, body)
      .set('Idempotency-Key', 'create-burst')
      .expect(201);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.body.id).toBe(created[0].body.id);
    const reused = await postPayment(testApp.http, payer.auth, { ...body, amount: '1.00' })
      .set('Idempotency-Key', 'create-burst')
      .expect(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(
      await testApp.connection.collection('payments').countDocuments({ payerId: payer.id }),
    ).toBe(1);
  });
});
