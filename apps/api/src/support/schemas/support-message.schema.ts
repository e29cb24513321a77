import { randomUUID } from 'node:crypto';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { Role, ROLES } from '../../access/role';

/** One chat message, stored as the plain text its author wrote. */
@Schema({ collection: 'support_messages', timestamps: true, versionKey: false })
export class SupportMessage {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  @Prop({ required: true })
  conversationId: string;

  /** 1 for the first message of its conversation, then one more for each. */
  @Prop({ required: true, min: 1 })
  sequence: number;

  @Prop({ required: true })
  authorId: string;

  @Prop({ type: String, enum: ROLES, required: true })
  authorRole: Role;

  @Prop({ required: true })
  text: string;

  createdAt: Date;
  updatedAt: Date;
}

export type SupportMessageDocument = HydratedDocument<SupportMessage>;
export const SupportMessageSchema = SchemaFactory.createForClass(SupportMessage);

/** History reads one conversation in sequence order; the unique key also refuses a lost race. */
SupportMessageSchema.index({ conversationId: 1, sequence: 1 }, { unique: true });
SupportMessageSchema.index({ conversationId: 1, createdAt: 1, _id: 1 });
