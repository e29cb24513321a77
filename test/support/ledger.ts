import { randomUUID } from 'node:crypto';
import { CARD_NETWORK_ACCOUNT, walletOf } from '../../apps/api/src/ledger/ledger-account';
import { LedgerService } from '../../apps/api/src/ledger/ledger.service';
import { TestSuite } from './auth';
import { TestApp } from './create-test-app';

/**
 * Puts money into a user's wallet as a top-up from the card network would, recorded straight
 * through the app's `LedgerService` (no card, no HTTP).
 */
export async function fundWallet(testApp: TestApp, userId: string, amountCents: number) {
  await testApp.app.get(LedgerService).record({
    kind: 'wallet_top_up',
    reference: `test-funding-${randomUUID()}`,
    memo: 'Test funding',
    postings: [
      { account: CARD_NETWORK_ACCOUNT, amountCents: -amountCents },
      { account: walletOf(userId), amountCents },
    ],
  });
}

type Http = TestApp['http'];

/** The ledger check as an admin (`adminAuth`) sees it at `GET /ledger/check`. */
export async function ledgerCheck(http: Http, adminAuth: string) {
  const response = await http.get('/ledger/check').set('Authorization', adminAuth).expect(200);
  return response.body as {
    balanced: boolean;
    sumOfBalances: string;
    entries: number;
    unbalancedEntries: string[];
    cachedBalanceMismatches: { account: string; cached: string; recomputed: string }[];
  };
}

/**
 * Registers an `afterEach` that asks `GET /ledger/check` (as the seeded admin) and fails the test
 * unless the ledger's invariant holds: every entry balances, the balances sum to zero, and every
 * cached balance equals the sum of its postings. For every spec that moves money.
 */
export function expectLedgerBalancedAfterEach(suite: TestSuite): void {
  afterEach(() => expectLedgerBalanced(suite.testApp.http, suite.admin));
}

/** Fails unless the ledger's invariant holds now (see {@link expectLedgerBalancedAfterEach}). */
export async function expectLedgerBalanced(http: Http, adminAuth: string): Promise<void> {
  expect(await ledgerCheck(http, adminAuth)).toMatchObject({
    balanced: true,
    sumOfBalances: '0.00',
    unbalancedEntries: [],
    cachedBalanceMismatches: [],
  });
}
