import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kassa/database';
import { LedgerBalanceRepository } from './ledger-balance.repository';
import { LedgerJournalRepository } from './ledger-journal.repository';

/** An account whose cached balance differs from the sum of its postings. */
export interface BalanceMismatch {
  accountKey: string;
  cachedCents: number;
  recomputedCents: number;
}

/** What `GET /ledger/check` finds, every number recomputed from the postings. */
export interface LedgerCheck {
  /** The whole invariant holds: the three lists below are empty and the sum is zero. */
  balanced: boolean;
  sumOfBalancesCents: number;
  entries: number;
  /** Entries whose postings do not sum to zero, have fewer than two postings, or postings without an entry. */
  unbalancedEntries: string[];
  cachedBalanceMismatches: BalanceMismatch[];
}

/**
 * The ledger's invariant, recomputed from scratch: every entry balances, so the balances of all
 * accounts sum to zero, and every cached balance equals the sum of its account's postings. It
 * reads in one transaction, so it sees one snapshot even while money moves.
 */
@Injectable()
export class LedgerCheckService {
  constructor(
    private readonly journal: LedgerJournalRepository,
    private readonly balances: LedgerBalanceRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  check(): Promise<LedgerCheck> {
    return this.transactions.run(async () => {
      const entryIds = await this.journal.entryIds();
      const totals = await this.journal.totalsByEntry();
      const recomputed = await this.journal.sumsByAccount();
      const cached = await this.balances.all();
      const unbalancedEntries = unbalanced(entryIds, totals);
      const cachedBalanceMismatches = mismatches(cached, recomputed);
      const sumOfBalancesCents = [...recomputed.values()].reduce((sum, cents) => sum + cents, 0);
      return {
        balanced:
          sumOfBalancesCents === 0 &&
          unbalancedEntries.length === 0 &&
          cachedBalanceMismatches.length === 0,
        sumOfBalancesCents,
        entries: entryIds.length,
        unbalancedEntries,
        cachedBalanceMismatches,
      };
    });
  }
}

function unbalanced(
  entryIds: string[],
  totals: { entryId: string; sumCents: number; postings: number }[],
): string[] {
  const byEntry = new Map(totals.map((total) => [total.entryId, total]));
  const known = new Set(entryIds);
  const bad = entryIds.filter((id) => {
    const total = byEntry.get(id);
    return !total || total.postings < 2 || total.sumCents !== 0;
  });
  const orphans = totals.filter((total) => !known.has(total.entryId)).map((t) => t.entryId);
  return [...bad, ...orphans].sort();
}

function mismatches(cached: Map<string, number>, recomputed: Map<string, number>) {
  const accounts = [...new Set([...cached.keys(), ...recomputed.keys()])].sort();
  return accounts
    .map((accountKey) => ({
      accountKey,
      cachedCents: cached.get(accountKey) ?? 0,
      recomputedCents: recomputed.get(accountKey) ?? 0,
    }))
    .filter((account) => account.cachedCents !== account.recomputedCents);
}
