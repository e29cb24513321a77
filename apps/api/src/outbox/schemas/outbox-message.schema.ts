import { randomUUID } from 'node:crypto';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

@Schema({ _id: false })
export class OutboxMail {
  @Prop({ required: true })
  to: string;

  @Prop({ required: true })
  subject: string;

  @Prop({ required: true })
  text: string;
}

const OutboxMailSchema = SchemaFactory.createForClass(OutboxMail);

/**
 * A mail to send, written in the transaction of the change it reports (a new order, a payment)
 * and sent afterwards by the dispatcher: it goes out if and only if the change committed.
 */
@Schema({ collection: 'outbox_messages', timestamps: true, versionKey: false })
export class OutboxMessage {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  /** What the message reports, e.g. `order-created`. */
  @Prop({ required: true })
  topic: string;

  @Prop({ type: OutboxMailSchema, required: true })
  mail: OutboxMail;

  @Prop({ type: String, enum: OUTBOX_STATUSES, required: true, default: 'pending' })
  status: OutboxStatus;

  @Prop({ required: true, default: 0 })
  attempts: number;

  /** When a pending message may be (re)tried. */
  @Prop({ required: true })
  nextAttemptAt: Date;

  /** A message being sent past this moment belongs to a dispatcher that died; it is retried. */
  @Prop({ type: Date, default: null })
  leaseUntil: Date | null;

  @Prop({ type: String, default: null })
  lastError: string | null;

  @Prop({ type: Date, default: null })
  sentAt: Date | null;

  createdAt: Date;
  updatedAt: Date;
}

export type OutboxMessageDocument = HydratedDocument<OutboxMessage>;
export const OutboxMessageSchema = SchemaFactory.createForClass(OutboxMessage);
OutboxMessageSchema.index({ status: 1, nextAttemptAt: 1 });
OutboxMessageSchema.index({ status: 1, leaseUntil: 1 });
for (const path of ['topic', 'createdAt', 'attempts']) {
  OutboxMessageSchema.index({ [path]: 1, _id: 1 });
}
OutboxMessageSchema.index({ status: 1, _id: 1 });
/** A status filter in the default order (newest first). */
OutboxMessageSchema.index({ status: 1, createdAt: 1, _id: 1 });
