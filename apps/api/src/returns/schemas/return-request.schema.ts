import { randomUUID } from 'node:crypto';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { RETURN_STATUSES, ReturnStatus } from '../return-status';

/** Units of one product going back, and what they give back (final once approved). */
@Schema({ _id: false })
export class ReturnItem {
  @Prop({ required: true })
  productId: string;

  @Prop({ required: true })
  model: string;

  @Prop({ required: true, min: 1 })
  quantity: number;

  @Prop({ required: true, min: 0 })
  refundCents: number;
}

const ReturnItemSchema = SchemaFactory.createForClass(ReturnItem);

/** The refund of an approved return: made once, or retried by the reconciler until it is. */
@Schema({ _id: false })
export class ReturnRefund {
  /** The gateway's id of the refund, once made (null for a return that gives nothing back). */
  @Prop({ type: String, default: null })
  gatewayRefundId: string | null;

  @Prop({ required: true, default: 0 })
  attempts: number;

  /** Why the last attempt did not refund. */
  @Prop({ type: String, default: null })
  failure: string | null;

  /** When the reconciler tries again; null once refunded. */
  @Prop({ type: Date, default: null })
  nextAttemptAt: Date | null;
}

const ReturnRefundSchema = SchemaFactory.createForClass(ReturnRefund);

@Schema({ _id: false })
export class ReturnHistoryEntry {
  @Prop({ type: String, enum: RETURN_STATUSES, required: true })
  status: ReturnStatus;

  @Prop({ required: true })
  at: Date;

  /** The user who made the change, or `system` (auto-approval, the reconciler). */
  @Prop({ required: true })
  by: string;
}

const ReturnHistoryEntrySchema = SchemaFactory.createForClass(ReturnHistoryEntry);

/** A customer's request to send part or all of a paid order back, and its refund. */
@Schema({ collection: 'returns', timestamps: true, versionKey: false })
export class ReturnRequest {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  @Prop({ required: true })
  orderId: string;

  @Prop({ required: true })
  customerId: string;

  @Prop({ type: String, enum: RETURN_STATUSES, required: true })
  status: ReturnStatus;

  @Prop({ type: [ReturnItemSchema], required: true })
  items: ReturnItem[];

  /** The customer's reason. */
  @Prop({ required: true })
  reason: string;

  /** Why an admin rejected it. */
  @Prop({ type: String, default: null })
  rejectionReason: string | null;

  /** The sum of the items' refunds. */
  @Prop({ required: true })
  amountCents: number;

  @Prop({ required: true })
  currency: string;

  @Prop({ type: ReturnRefundSchema, default: () => ({}) })
  refund: ReturnRefund;

  @Prop({ type: [ReturnHistoryEntrySchema], required: true })
  history: ReturnHistoryEntry[];

  createdAt: Date;
  updatedAt: Date;
}

export type ReturnRequestDocument = HydratedDocument<ReturnRequest>;
export const ReturnRequestSchema = SchemaFactory.createForClass(ReturnRequest);
ReturnRequestSchema.index({ status: 1, 'refund.nextAttemptAt': 1 });
/**
 * Every return (admins) and the returns of one order (binding `orderId`): one index per sort,
 * and one for a status filter in the default order (by creation).
 */
for (const path of ['status', 'createdAt', 'amountCents']) {
  ReturnRequestSchema.index({ [path]: 1, _id: 1 });
}
ReturnRequestSchema.index({ status: 1, createdAt: 1, _id: 1 });
for (const path of ['status', 'createdAt']) {
  ReturnRequestSchema.index({ orderId: 1, [path]: 1, _id: 1 });
}
ReturnRequestSchema.index({ orderId: 1, status: 1, createdAt: 1, _id: 1 });
