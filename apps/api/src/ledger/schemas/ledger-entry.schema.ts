import { randomUUID } from 'node:crypto';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { LEDGER_ENTRY_KINDS, LedgerEntryKind } from '../ledger-entry';
import { appendOnly } from './append-only';

/** The header of one journal entry; its postings are in `ledger_postings`. Never changed. */
@Schema({
  collection: 'ledger_entries',
  timestamps: { createdAt: true, updatedAt: false },
  versionKey: false,
})
export class LedgerEntry {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  @Prop({ type: String, enum: LEDGER_ENTRY_KINDS, required: true })
  kind: LedgerEntryKind;

  /** What the entry is for (an order, a payment, a top-up); unique per kind. */
  @Prop({ required: true })
  reference: string;

  @Prop({ type: String, default: null })
  memo: string | null;

  createdAt: Date;
}

export type LedgerEntryDocument = HydratedDocument<LedgerEntry>;
export const LedgerEntrySchema = SchemaFactory.createForClass(LedgerEntry);
/** An entry is recorded once per kind and reference, however often it is asked for. */
LedgerEntrySchema.index({ kind: 1, reference: 1 }, { unique: true });
appendOnly(LedgerEntrySchema, 'ledger_entries');
