import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ListQuery } from '@kassa/common';
import { findPage, RecordOf } from '@kassa/database';
import { Model } from 'mongoose';
import { LedgerEntryKind } from './ledger-entry';
import { LedgerEntry } from './schemas/ledger-entry.schema';
import { LedgerPostingLine } from './schemas/ledger-posting.schema';

export type LedgerEntryHeader = RecordOf<LedgerEntry>;
export type LedgerPostingRecord = RecordOf<LedgerPostingLine>;
export type NewPostingLine = Omit<LedgerPostingRecord, '_id' | 'createdAt'>;

/** Per entry: the sum of its postings and how many it has. */
export interface EntryTotals {
  entryId: string;
  sumCents: number;
  postings: number;
}

/**
 * The journal: entries and their postings, only ever appended (the schemas refuse changes).
 * Writes join the caller's transaction.
 */
@Injectable()
export class LedgerJournalRepository {
  constructor(
    @InjectModel(LedgerEntry.name) private readonly entries: Model<LedgerEntry>,
    @InjectModel(LedgerPostingLine.name) private readonly postings: Model<LedgerPostingLine>,
  ) {}

  findEntry(kind: LedgerEntryKind, reference: string): Promise<LedgerEntryHeader | null> {
    return this.entries.findOne({ kind, reference }).lean<LedgerEntryHeader>().exec();
  }

  postingsOf(entryId: string): Promise<LedgerPostingRecord[]> {
    return this.postings.find({ entryId }).sort({ _id: 1 }).lean<LedgerPostingRecord[]>().exec();
  }

  async addEntry(
    entry: Pick<LedgerEntryHeader, 'kind' | 'reference' | 'memo'>,
    now: Date,
  ): Promise<LedgerEntryHeader> {
    const [created] = await this.entries.create([{ ...entry, createdAt: now }]);
    return created.toObject<LedgerEntryHeader>();
  }

  async addPostings(lines: NewPostingLine[], now: Date): Promise<LedgerPostingRecord[]> {
    const created = await this.postings.insertMany(
      lines.map((line) => ({ ...line, createdAt: now })),
      { ordered: true },
    );
    return created.map((document) => document.toObject<LedgerPostingRecord>());
  }

  /** One account's postings: the statement behind `GET /me/ledger`. */
  listPostings(accountKey: string, query: ListQuery) {
    return findPage<LedgerPostingRecord>(this.postings, query, { accountKey });
  }

  /** Every account's balance recomputed from its postings. */
  async sumsByAccount(): Promise<Map<string, number>> {
    const rows = await this.postings
      .aggregate<{ _id: string; sumCents: number }>([
        { $group: { _id: '$accountKey', sumCents: { $sum: '$amountCents' } } },
      ])
      .exec();
    return new Map(rows.map((row) => [row._id, row.sumCents]));
  }

  /** Every entry id that has postings, with their sum and count. */
  async totalsByEntry(): Promise<EntryTotals[]> {
    const rows = await this.postings
      .aggregate<{ _id: string; sumCents: number; postings: number }>([
        {
          $group: {
            _id: '$entryId',
            sumCents: { $sum: '$amountCents' },
            postings: { $sum: 1 },
          },
        },
      ])
      .exec();
    return rows.map((row) => ({
      entryId: row._id,
      sumCents: row.sumCents,
      postings: row.postings,
    }));
  }

  async entryIds(): Promise<string[]> {
    const rows = await this.entries.find({}, { _id: 1 }).lean<{ _id: string }[]>().exec();
    return rows.map((row) => row._id);
  }
}
