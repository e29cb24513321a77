import { randomUUID } from 'node:crypto';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { PAYMENT_STATUSES, PaymentStatus } from '../payment-status';

/** What is kept of the card: never its number or CVV. */
@Schema({ _id: false })
export class PaymentRecordCard {
  @Prop({ required: true })
  last4: string;

  @Prop({ required: true })
  holder: string;
}

const PaymentRecordCardSchema = SchemaFactory.createForClass(PaymentRecordCard);

/**
 * A payment from one user (the payer) to another (the payee): created, then confirmed (`paid`,
 * the amount moved between their wallets in the ledger) or cancelled. Final states never change.
 */
@Schema({ collection: 'payments', timestamps: true, versionKey: false })
export class PaymentRecord {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  @Prop({ required: true })
  payerId: string;

  @Prop({ required: true })
  payeeId: string;

  @Prop({ required: true, min: 1 })
  amountCents: number;

  @Prop({ required: true })
  currency: string;

  @Prop({ type: PaymentRecordCardSchema, required: true })
  card: PaymentRecordCard;

  @Prop({ type: String, enum: PAYMENT_STATUSES, required: true })
  status: PaymentStatus;

  /** The card processor's payment id; null for wallet payments, kept for card payments. */
  @Prop({ type: String, default: null })
  gatewayPaymentId: string | null;

  @Prop({ type: Date, default: null })
  paidAt: Date | null;

  @Prop({ type: Date, default: null })
  cancelledAt: Date | null;

  createdAt: Date;
  updatedAt: Date;
}

export type PaymentRecordDocument = HydratedDocument<PaymentRecord>;
export const PaymentRecordSchema = SchemaFactory.createForClass(PaymentRecord);

/**
 * A customer's list binds `payerId` or `payeeId` (one branch each, merged by the server);
 * admins list everything and may filter by either.
 */
for (const path of ['status', 'createdAt', 'amountCents']) {
  PaymentRecordSchema.index({ payerId: 1, [path]: 1, _id: 1 });
  PaymentRecordSchema.index({ payeeId: 1, [path]: 1, _id: 1 });
  PaymentRecordSchema.index({ [path]: 1, _id: 1 });
}
/** A status filter in the default order (a customer's list then filters by payer or payee). */
PaymentRecordSchema.index({ status: 1, createdAt: 1, _id: 1 });
