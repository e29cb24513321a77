import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted } from 'mongoose';
import { LedgerBalance } from './schemas/ledger-balance.schema';

/** An account right after a posting: its new balance and the posting's number on it. */
export interface PostedBalance {
  balanceCents: number;
  sequence: number;
}

const PROJECTION = { balanceCents: 1, postings: 1 };

/**
 * The cached balance of every account, moved only by `$inc` in the transaction that writes the
 * postings; a wallet is debited only by a conditional `$inc` that requires the funds, so two
 * concurrent debits can never both pass the check. Each posting also counts on its account,
 * which numbers the account's statement.
 */
@Injectable()
export class LedgerBalanceRepository {
  constructor(@InjectModel(LedgerBalance.name) private readonly model: Model<LedgerBalance>) {}

  async find(accountKey: string): Promise<number | null> {
    const found = await this.model
      .findById(accountKey, PROJECTION)
      .lean<Pick<LedgerBalance, 'balanceCents'>>()
      .exec();
    return found?.balanceCents ?? null;
  }

  /** Adds `amountCents` (either sign), opening the account at zero if it has none yet. */
  async add(accountKey: string, amountCents: number): Promise<PostedBalance> {
    const updated = await this.model
      .findOneAndUpdate(
        { _id: accountKey },
        { $inc: { balanceCents: amountCents, postings: 1 } },
        { upsert: true, new: true, projection: PROJECTION },
      )
      .lean<LedgerBalance>()
      .exec();
    return posted(updated!);
  }

  /**
   * Takes `amountCents` (positive) from the account if its balance covers it, in one conditional
   * update; null when the funds are not there (nothing changed).
   */
  async withdrawIfCovered(accountKey: string, amountCents: number): Promise<PostedBalance | null> {
    const updated = await this.model
      .findOneAndUpdate(
        { _id: accountKey, balanceCents: trusted({ $gte: amountCents }) },
        { $inc: { balanceCents: -amountCents, postings: 1 } },
        { new: true, projection: PROJECTION },
      )
      .lean<LedgerBalance>()
      .exec();
    return updated ? posted(updated) : null;
  }

  async all(): Promise<Map<string, number>> {
    const rows = await this.model
      .find({}, PROJECTION)
      .lean<Pick<LedgerBalance, '_id' | 'balanceCents'>[]>()
      .exec();
    return new Map(rows.map((row) => [row._id, row.balanceCents]));
  }
}

function posted(balance: LedgerBalance): PostedBalance {
  return { balanceCents: balance.balanceCents, sequence: balance.postings };
}
