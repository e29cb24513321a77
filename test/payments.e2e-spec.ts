import { UserStatus } from '../apps/api/src/users/user-status';
import { TestApp } from './support';
import { useTestApp } from './support/auth';
import { expectLedgerBalancedAfterEach, fundWallet } from './support/ledger';
import { balanceOf, createPayment, postPayment, TEST_CARD } from './support/payment-records';
import { newCustomer } from './support/shop';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('payment records (e2e)', () => {
  const suite = useTestApp({
    env: { OUTBOX_DISPATCH_INTERVAL: '100ms', OUTBOX_RETRY_DELAY: '100ms' },
  });
  let testApp: TestApp;
  let admin: string;

  beforeAll(() => {
    ({ testApp, admin } = suite);
  });

  expectLedgerBalancedAfterEach(suite);

  const customers = async () => [
    await newCustomer(testApp.http, suite.factory),
    await newCustomer(testApp.http, suite.factory),
  ];
  const confirm = (auth: string, id: string) =>
    testApp.http.post(`/payments/${id}/confirm`).set('Authorization', auth);
  const cancel = (auth: string, id: string) =>
    testApp.http.post(`/payments/${id}/cancel`).set('Authorization', auth);
  const read = (auth: string, id: string) =>
    testApp.http.get(`/payments/${id}`).set('Authorization', auth);

  it('creates a payment in status created, keeping of the card only its last four digits and holder', async () => {
    const [payer, payee] = await customers();
    const created = await postPayment(testApp.http, payer.auth, {
      payeeId: payee.id.toUpperCase(),
      amount: '12.5',
      currency: 'USD',
      card: { ...TEST_CARD, holder: ' Ada Lovelace ' },
    }).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      payerId: payer.id,
      payeeId: payee.id,
      amount: '12.50',
      currency: 'USD',
      card: { last4: '5556', holder: 'Ada Lovelace' },
      status: 'created',
      gatewayPaymentId: null,
      paidAt: null,
      cancelledAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const stored = await testApp.connection
      .collection('payments')
      .findOne({ _id: created.body.id as never });
    expect(stored!.card).toEqual({ last4: '5556', holder: 'Ada Lovelace' });
    expect(JSON.stringify(stored)).not.toContain(TEST_CARD.number);
    expect(await balanceOf(testApp.http, payer.auth)).toBe('0.00');
    for (const reader of [payer.auth, payee.auth, admin]) {
      expect((await read(reader, created.body.id).expect(200)).body).toEqual(created.body);
    }
  });

  it('refuses an invalid card field by field, with 400 and the field names', async () => {
    const [payer, payee] = await customers();
    const refused = await postPayment(testApp.http, payer.auth, {
      payeeId: payee.id,
      amount: '1.00',
      card: { holder: 'A', number: '4000056655665557', expiry: '0120', cvv: '12' },
    }).expect(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(refused.body.error.details.map((detail: { field: string }) => detail.field)).toEqual([
      'card.holder',
      'card.number',
      'card.expiry',
      'card.cvv',
    ]);
    expect(JSON.stringify(refused.body)).not.toContain('4000056655665557');
    for (const card of [
      undefined,
      'card',
      { ...TEST_CARD, extra: 1 },
      { ...TEST_CARD, expiry: 1299 },
    ]) {
      const body = { payeeId: payee.id, amount: '1.00', card };
      await testApp.http.post('/payments').set('Authorization', payer.auth).send(body).expect(400);
    }
    expect(
      await testApp.connection.collection('payments').countDocuments({ payerId: payer.id }),
    ).toBe(0);
  });

  it('refuses amounts out of range, another currency, and paying oneself', async () => {
    const [payer, payee] = await customers();
    for (const amount of ['0', '0.00', '-1.00', '12.345', '1000000.00', 12.5]) {
      const response = await postPayment(testApp.http, payer.auth, {
        payeeId: payee.id,
        amount: amount as string,
      }).expect(400);
      expect(response.body.error.details[0].field).toBe('amount');
    }
    await postPayment(testApp.http, payer.auth, { payeeId: payee.id, amount: '999999.99' }).expect(
      201,
    );
    const euro = await postPayment(testApp.http, payer.auth, {
      payeeId: payee.id,
      amount: '1.00',
      currency: 'EUR',
    }).expect(400);
    expect(euro.body.error.details[0].field).toBe('currency');
    const self = await postPayment(testApp.http, payer.auth, {
      payeeId: payer.id,
      amount: '1.00',
    }).expect(400);
    expect(self.body.error.details).toEqual([
      { field: 'payeeId', message: 'payeeId must be another user than the payer' },
    ]);
  });

  it('answers 404 for a payee that is unknown, unverified or deactivated', async () => {
    const payer = await newCustomer(testApp.http, suite.factory);
    const unverified = await suite.factory.account({ status: UserStatus.Unverified });
    const deactivated = await suite.factory.account({ status: UserStatus.Deactivated });
    for (const payeeId of [UNKNOWN_ID, unverified.id, deactivated.id]) {
      const response = await postPayment(testApp.http, payer.auth, {
        payeeId,
        amount: '1.00',
      }).expect(404);
      expect(response.body.error).toMatchObject({
        code: 'NOT_FOUND',
        message: `User ${payeeId} not found`,
      });
    }
    await postPayment(testApp.http, payer.auth, { payeeId: 'not-a-uuid', amount: '1.00' }).expect(
      400,
    );
    await testApp.http
      .post('/payments')
      .send({ payeeId: UNKNOWN_ID, amount: '1.00', card: TEST_CARD })
      .expect(401);
  });

  it("confirms: the payer's wallet pays the payee's in the ledger, and the payer gets a receipt", async () => {
    const [payer, payee] = await customers();
    await fundWallet(testApp, payer.id, 5000);
    const id = await createPayment(testApp.http, payer.auth, payee.id, '12.50');
    const paid = await confirm(payer.auth, id).expect(200);
    expect(paid.body).toMatchObject({ id, status: 'paid', paidAt: expect.any(String) });
    expect(await balanceOf(testApp.http, payer.auth)).toBe('37.50');
    expect(await balanceOf(testApp.http, payee.auth)).toBe('12.50');
    const statement = await testApp.http.get('/me/ledger').set('Authorization', payee.auth);
    expect(statement.body.items).toEqual([
      expect.objectContaining({
        kind: 'transfer',
        reference: `payment:${id}`,
        memo: `Payment from ${payer.username} to ${payee.username}`,
        amount: '12.50',
      }),
    ]);
    const receipt = await suite.smtp.nextMailTo(payer.email, 10_000, (mail) =>
      mail.subject.includes(id),
    );
    expect(receipt.subject).toBe(`Receipt: payment ${id} (12.50 USD)`);
    expect(receipt.text).toContain(`you paid 12.50 USD to ${payee.username}`);
    expect(receipt.text).toContain('ending in 5556');
    expect(receipt.text).toContain('Your wallet balance now: 37.50 USD');
    expect(receipt.text).not.toContain(TEST_CARD.number);
  });

  it('refuses a confirmation the balance does not cover: 422, nothing moves, the payment stays created', async () => {
    const [payer, payee] = await customers();
    await fundWallet(testApp, payer.id, 1000);
    const id = await createPayment(testApp.http, payer.auth, payee.id, '10.01');
    const refused = await confirm(payer.auth, id).expect(422);
    expect(refused.body.error).toMatchObject({
      code: 'INSUFFICIENT_FUNDS',
      message: 'The wallet balance is below the amount of 10.01',
    });
    expect((await read(payer.auth, id)).body.status).toBe('created');
    expect([
      await balanceOf(testApp.http, payer.auth),
      await balanceOf(testApp.http, payee.auth),
    ]).toEqual(['10.00', '0.00']);
    expect(
      await testApp.connection
        .collection('ledger_entries')
        .countDocuments({ reference: `payment:${id}` }),
    ).toBe(0);
    await fundWallet(testApp, payer.id, 1);
    await confirm(payer.auth, id).expect(200);
    expect(await balanceOf(testApp.http, payer.auth)).toBe('0.00');
  });

  it('cancels a created payment; final states never change (409 naming both states)', async () => {
    const [payer, payee] = await customers();
    await fundWallet(testApp, payer.id, 200);
    const paidId = await createPayment(testApp.http, payer.auth, payee.id, '1.00');
    await confirm(payer.auth, paidId).expect(200);
    const cancelledId = await createPayment(testApp.http, payer.auth, payee.id, '1.00');
    const cancelled = await cancel(payer.auth, cancelledId).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    const refusals = [
      [confirm(payer.auth, paidId), 'Payment cannot go from paid to paid'],
      [cancel(payer.auth, paidId), 'Payment cannot go from paid to cancelled'],
      [confirm(payer.auth, cancelledId), 'Payment cannot go from cancelled to paid'],
      [cancel(payer.auth, cancelledId), 'Payment cannot go from cancelled to cancelled'],
      [cancel(admin, paidId), 'Payment cannot go from paid to cancelled'],
    ] as const;
    for (const [request, message] of refusals) {
      const response = await request.expect(409);
      expect(response.body.error).toEqual(
        expect.objectContaining({ code: 'INVALID_TRANSITION', message }),
      );
    }
    expect([
      await balanceOf(testApp.http, payer.auth),
      await balanceOf(testApp.http, payee.auth),
    ]).toEqual(['1.00', '1.00']);
  });

  it('lets only the payer confirm, the payer or an admin cancel, and hides payments from everyone else', async () => {
    const [payer, payee] = await customers();
    const stranger = await newCustomer(testApp.http, suite.factory);
    await fundWallet(testApp, payer.id, 100);
    const id = await createPayment(testApp.http, payer.auth, payee.id, '1.00');
    await read(stranger.auth, id).expect(404);
    await confirm(stranger.auth, id).expect(404);
    await cancel(stranger.auth, id).expect(404);
    expect(
      (await testApp.http.get('/payments').set('Authorization', stranger.auth)).body.total,
    ).toBe(0);
    const byPayee = await confirm(payee.auth, id).expect(403);
    expect(byPayee.body.error.message).toBe('Only the payer can confirm a payment');
    await cancel(payee.auth, id).expect(403);
    await confirm(admin, id).expect(403);
    expect((await read(payer.auth, id)).body.status).toBe('created');
    expect(await balanceOf(testApp.http, payer.auth)).toBe('1.00');
    await cancel(admin, id).expect(200);
    await read(payer.auth, UNKNOWN_ID).expect(404);
    await read(payer.auth, 'not-an-id').expect(400);
  });
});
