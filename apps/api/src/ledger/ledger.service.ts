import { Injectable } from '@nestjs/common';
import { formatMoney, InsufficientFundsError, ListQuery, Page, toPage } from '@kassa/common';
import { TransactionRunner } from '@kassa/database';
import { accountKey, isOverdraftChecked, LedgerAccount } from './ledger-account';
import { PostedBalance, LedgerBalanceRepository } from './ledger-balance.repository';
import {
  assertBalanced,
  LedgerPosting,
  LedgerTransfer,
  NewLedgerEntry,
  samePostings,
  transferEntry,
} from './ledger-entry';
import {
  LedgerEntryHeader,
  LedgerJournalRepository,
  LedgerPostingRecord,
  NewPostingLine,
} from './ledger-journal.repository';

/** A recorded journal entry with its postings, as `record` answers. */
export interface LedgerEntryRecord extends LedgerEntryHeader {
  postings: LedgerPostingRecord[];
}

/**
 * The double-entry ledger. `record` writes one balanced journal entry inside the caller's
 * transaction (or its own), once per `(kind, reference)`; every posting moves its account's
 * cached balance in the same transaction, and a wallet is never taken below zero. Entries are
 * never updated or deleted: a mistake is put right by another entry.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly journal: LedgerJournalRepository,
    private readonly balances: LedgerBalanceRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * Records the entry, or answers the one already recorded for its kind and reference without
   * posting again. Reads first, then inserts: inside a transaction a concurrent duplicate cannot
   * be seen, so its insert collides with the other's on the unique index and the transaction is
   * retried, when the read finds the entry. Throws an `Error` (a programming fault) for an
   * unbalanced entry or one recorded before with other postings, and `InsufficientFundsError`
   * when a wallet's balance does not cover its debit: then nothing of the transaction stays.
   */
  async record(entry: NewLedgerEntry): Promise<LedgerEntryRecord> {
    assertBalanced(entry);
    return this.transactions.run(async () => {
      const existing = await this.journal.findEntry(entry.kind, entry.reference);
      if (existing) return this.recorded(existing, entry);
      const now = new Date();
      const header = await this.journal.addEntry(
        { kind: entry.kind, reference: entry.reference, memo: entry.memo ?? null },
        now,
      );
      const lines: NewPostingLine[] = [];
      for (const posting of entry.postings) {
        const balance = await this.post(posting);
        lines.push({
          entryId: header._id,
          accountKey: accountKey(posting.account),
          kind: entry.kind,
          reference: entry.reference,
          memo: header.memo,
          amountCents: posting.amountCents,
          sequence: balance.sequence,
          balanceAfterCents: balance.balanceCents,
        });
      }
      return { ...header, postings: await this.journal.addPostings(lines, now) };
    });
  }

  /** Moves money from one wallet to another; `InsufficientFundsError` when the payer lacks it. */
  async transfer(transfer: LedgerTransfer): Promise<LedgerEntryRecord> {
    return this.record(transferEntry(transfer));
  }

  /** The account's balance in cents (0 for an account that never had a posting). */
  async balanceOf(account: LedgerAccount): Promise<number> {
    return (await this.balances.find(accountKey(account))) ?? 0;
  }

  /** The account's postings, a page at a time (newest first unless the query sorts). */
  async statement(account: LedgerAccount, query: ListQuery): Promise<Page<LedgerPostingRecord>> {
    const page = await this.journal.listPostings(accountKey(account), query);
    return toPage(page.items, page.total, query);
  }

  private async post(posting: LedgerPosting): Promise<PostedBalance> {
    const key = accountKey(posting.account);
    if (posting.amountCents > 0 || !isOverdraftChecked(posting.account)) {
      return this.balances.add(key, posting.amountCents);
    }
    const withdrawn = await this.balances.withdrawIfCovered(key, -posting.amountCents);
    if (!withdrawn) throw new InsufficientFundsError(formatMoney(-posting.amountCents));
    return withdrawn;
  }

  private async recorded(
    existing: LedgerEntryHeader,
    asked: NewLedgerEntry,
  ): Promise<LedgerEntryRecord> {
    const postings = await this.journal.postingsOf(existing._id);
    const askedLines = asked.postings.map((posting) => ({
      accountKey: accountKey(posting.account),
      amountCents: posting.amountCents,
    }));
    if (!samePostings(postings, askedLines)) {
      throw new Error(
        `Ledger entry ${asked.kind}/${asked.reference} was recorded before with other postings`,
      );
    }
    return { ...existing, postings };
  }
}
