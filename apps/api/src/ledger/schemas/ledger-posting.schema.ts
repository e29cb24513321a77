import { randomUUID } from 'node:crypto';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { LEDGER_ENTRY_KINDS, LedgerEntryKind } from '../ledger-entry';
import { appendOnly } from './append-only';

/**
 * One posting of a journal entry: an amount added to one account's balance (negative: taken
 * from it), with the entry's kind and reference copied for the account's statement. Balances
 * are the sums of postings. Never changed.
 */
@Schema({
  collection: 'ledger_postings',
  timestamps: { createdAt: true, updatedAt: false },
  versionKey: false,
})
export class LedgerPostingLine {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  @Prop({ required: true })
  entryId: string;

  /** `wallet:<userId>`, `shop` or `card_network`. */
  @Prop({ required: true })
  accountKey: string;

  @Prop({ type: String, enum: LEDGER_ENTRY_KINDS, required: true })
  kind: LedgerEntryKind;

  @Prop({ required: true })
  reference: string;

  /** The entry's memo, copied for the statement. */
  @Prop({ type: String, default: null })
  memo: string | null;

  @Prop({ required: true })
  amountCents: number;

  /** The posting's number on its account (1, 2, …): the statement's exact order. */
  @Prop({ required: true })
  sequence: number;

  /** The account's balance right after this posting. */
  @Prop({ required: true })
  balanceAfterCents: number;

  createdAt: Date;
}

export type LedgerPostingLineDocument = HydratedDocument<LedgerPostingLine>;
export const LedgerPostingLineSchema = SchemaFactory.createForClass(LedgerPostingLine);
LedgerPostingLineSchema.index({ entryId: 1 });
/** One posting per number per account: the statement's order, newest first by default. */
LedgerPostingLineSchema.index({ accountKey: 1, sequence: 1 }, { unique: true });
/** An account's statement binds `accountKey`, then filters or sorts. */
for (const path of ['kind', 'createdAt', 'amountCents']) {
  LedgerPostingLineSchema.index({ accountKey: 1, [path]: 1, _id: 1 });
}
/** A statement of one kind of posting, in the default order. */
LedgerPostingLineSchema.index({ accountKey: 1, kind: 1, sequence: 1 });
appendOnly(LedgerPostingLineSchema, 'ledger_postings');
