import { randomUUID } from 'node:crypto';
import {
  CARD_NETWORK_ACCOUNT,
  SHOP_ACCOUNT,
  walletOf,
} from '../apps/api/src/ledger/ledger-account';
import { LedgerService } from '../apps/api/src/ledger/ledger.service';
import { TestApp } from './support';
import { useTestApp } from './support/auth';
import { expectLedgerBalancedAfterEach, fundWallet, ledgerCheck } from './support/ledger';
import { newCustomer } from './support/shop';

describe('the ledger over HTTP (e2e)', () => {
  const suite = useTestApp();
  let testApp: TestApp;

  beforeAll(() => {
    ({ testApp } = suite);
  });

  expectLedgerBalancedAfterEach(suite);

  it('shows a new wallet at zero, then the balance in the shop currency', async () => {
    const customer = await newCustomer(testApp.http, suite.factory);
    const empty = await testApp.http
      .get('/me/balance')
      .set('Authorization', customer.auth)
      .expect(200);
    expect(empty.body).toEqual({ balance: '0.00', currency: 'USD' });
    await fundWallet(testApp, customer.id, 1250);
    const funded = await testApp.http.get('/me/balance').set('Authorization', customer.auth);
    expect(funded.body).toEqual({ balance: '12.50', currency: 'USD' });
    await testApp.http.get('/me/balance').expect(401);
  });

  it("lists the caller's own postings, newest first, with the balance after each", async () => {
    const alice = await newCustomer(testApp.http, suite.factory);
    const bob = await newCustomer(testApp.http, suite.factory);
    const ledger = testApp.app.get(LedgerService);
    await fundWallet(testApp, alice.id, 5000);
    const transfer = await ledger.transfer({
      from: walletOf(alice.id),
      to: walletOf(bob.id),
      amountCents: 1275,
      kind: 'transfer',
      reference: `e2e-${randomUUID()}`,
      memo: 'Dinner',
    });
    await fundWallet(testApp, alice.id, 25);

    const statement = await testApp.http
      .get('/me/ledger')
      .set('Authorization', alice.auth)
      .expect(200);
    expect(statement.body).toMatchObject({ page: 1, limit: 20, total: 3, totalPages: 1 });
    expect(statement.body.items.map((item: { amount: string }) => item.amount)).toEqual([
      '0.25',
      '-12.75',
      '50.00',
    ]);
    expect(statement.body.items[1]).toEqual({
      id: expect.any(String),
      entryId: transfer._id,
      kind: 'transfer',
      reference: transfer.reference,
      memo: 'Dinner',
      amount: '-12.75',
      balanceAfter: '37.25',
      currency: 'USD',
      createdAt: expect.any(String),
    });
    const outgoing = await testApp.http
      .get('/me/ledger?filter[amount][lt]=0')
      .set('Authorization', alice.auth)
      .expect(200);
    expect(outgoing.body.items.map((item: { kind: string }) => item.kind)).toEqual(['transfer']);
    const topUps = await testApp.http
      .get('/me/ledger?filter[kind]=wallet_top_up&sort=amount')
      .set('Authorization', alice.auth)
      .expect(200);
    expect(topUps.body.items.map((item: { amount: string }) => item.amount)).toEqual([
      '0.25',
      '50.00',
    ]);
    const received = await testApp.http.get('/me/ledger').set('Authorization', bob.auth);
    expect(received.body.items).toEqual([
      expect.objectContaining({ amount: '12.75', balanceAfter: '12.75', entryId: transfer._id }),
    ]);
    const past = await testApp.http
      .get('/me/ledger?filter[createdAt][lt]=2000-01-01T00:00:00Z')
      .set('Authorization', alice.auth)
      .expect(200);
    expect(past.body.total).toBe(0);
  });

  it('refuses unknown list fields and filters on another account', async () => {
    const customer = await newCustomer(testApp.http, suite.factory);
    for (const query of ['filter[accountKey]=shop', 'sort=balanceAfter', 'filter[amount]=abc']) {
      const refused = await testApp.http
        .get(`/me/ledger?${query}`)
        .set('Authorization', customer.auth)
        .expect(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('lets admins check the invariant and nobody else', async () => {
    const customer = await newCustomer(testApp.http, suite.factory);
    await testApp.http.get('/ledger/check').set('Authorization', customer.auth).expect(403);
    await testApp.http.get('/ledger/check').expect(401);
    await testApp.app.get(LedgerService).record({
      kind: 'card_payment',
      reference: `order-${randomUUID()}`,
      postings: [
        { account: CARD_NETWORK_ACCOUNT, amountCents: -4999 },
        { account: SHOP_ACCOUNT, amountCents: 4999 },
      ],
    });
    const check = await ledgerCheck(suite.testApp.http, suite.admin);
    expect(check).toEqual({
      balanced: true,
      sumOfBalances: '0.00',
      entries: expect.any(Number),
      unbalancedEntries: [],
      cachedBalanceMismatches: [],
    });
    expect(check.entries).toBeGreaterThanOrEqual(1);
  });

  it('reports a cached balance that drifted from its postings', async () => {
    const customer = await newCustomer(testApp.http, suite.factory);
    await fundWallet(testApp, customer.id, 100);
    const balances = testApp.connection.collection('ledger_balances');
    const key = `wallet:${customer.id}`;
    await balances.updateOne({ _id: key as never }, { $inc: { balanceCents: 5 } });
    try {
      const check = await ledgerCheck(suite.testApp.http, suite.admin);
      expect(check.balanced).toBe(false);
      expect(check.cachedBalanceMismatches).toEqual([
        { account: key, cached: '1.05', recomputed: '1.00' },
      ]);
    } finally {
      await balances.updateOne({ _id: key as never }, { $inc: { balanceCents: -5 } });
    }
  });
});
