import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/**
 * An account's cached balance: the sum of its postings, kept by a conditional `$inc` in the
 * transaction that writes them, so a wallet's funds are checked atomically. `GET /ledger/check`
 * recomputes it from the postings.
 */
@Schema({ collection: 'ledger_balances', timestamps: true, versionKey: false })
export class LedgerBalance {
  /** The account's key: `wallet:<userId>`, `shop` or `card_network`. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, default: 0 })
  balanceCents: number;

  /** How many postings the account has; the last one's `sequence`. */
  @Prop({ required: true, default: 0 })
  postings: number;

  createdAt: Date;
  updatedAt: Date;
}

export type LedgerBalanceDocument = HydratedDocument<LedgerBalance>;
export const LedgerBalanceSchema = SchemaFactory.createForClass(LedgerBalance);
