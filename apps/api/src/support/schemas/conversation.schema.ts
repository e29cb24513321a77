import { randomUUID } from 'node:crypto';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { Role, ROLES } from '../../access/role';
import { CONVERSATION_STATUSES, ConversationStatus } from '../conversation-status';

/** One support conversation between a customer and the support team. */
@Schema({ collection: 'support_conversations', timestamps: true, versionKey: false })
export class Conversation {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  /** The customer who opened it; only they (and support staff) ever see it. */
  @Prop({ required: true })
  customerId: string;

  @Prop({ required: true })
  subject: string;

  /** The order it is about, if any. */
  @Prop({ type: String, default: null })
  orderId: string | null;

  @Prop({ type: String, enum: CONVERSATION_STATUSES, required: true })
  status: ConversationStatus;

  /** The support user who claimed it. */
  @Prop({ type: String, default: null })
  assigneeId: string | null;

  /** Messages so far; each new message takes the next number as its `sequence`. */
  @Prop({ required: true, default: 0, min: 0 })
  messageCount: number;

  @Prop({ required: true })
  lastMessageAt: Date;

  @Prop({ type: Date, default: null })
  closedAt: Date | null;

  @Prop({ type: String, enum: ROLES, default: null })
  closedByRole: Role | null;

  createdAt: Date;
  updatedAt: Date;
}

export type ConversationDocument = HydratedDocument<Conversation>;
export const ConversationSchema = SchemaFactory.createForClass(Conversation);

/**
 * Staff lists filter on status, customer or assignee and sort by status, creation or last
 * message; a customer's lists bind `customerId` by equality first. One index per sort of each,
 * and one per equality filter in the default order. `_id` ends each index for the tie-break.
 */
for (const path of ['status', 'createdAt', 'lastMessageAt']) {
  ConversationSchema.index({ [path]: 1, _id: 1 });
  ConversationSchema.index({ customerId: 1, [path]: 1, _id: 1 });
}
/** The queue: open conversations, oldest first. */
ConversationSchema.index({ status: 1, createdAt: 1, _id: 1 });
/** Equality filters in the default order (latest message first). */
ConversationSchema.index({ status: 1, lastMessageAt: 1, _id: 1 });
ConversationSchema.index({ assigneeId: 1, lastMessageAt: 1, _id: 1 });
ConversationSchema.index({ customerId: 1, status: 1, lastMessageAt: 1, _id: 1 });
