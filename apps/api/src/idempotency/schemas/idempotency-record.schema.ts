import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Schema as MongooseSchema } from 'mongoose';

/** The first answer to a request with an `Idempotency-Key`, replayed to its repeats for 24 h. */
@Schema({ collection: 'idempotency_keys', timestamps: true, versionKey: false })
export class IdempotencyRecord {
  /** `<caller>:<key>`: keys are scoped per caller. */
  @Prop({ type: String, required: true })
  _id: string;

  /** SHA-256 of method, path and body: a repeat must match it. */
  @Prop({ required: true })
  fingerprint: string;

  @Prop({ type: String, enum: ['in_flight', 'done'], required: true })
  state: 'in_flight' | 'done';

  /** An in-flight claim older than this belongs to a process that died; it may be taken over. */
  @Prop({ required: true })
  leaseUntil: Date;

  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  response: { status: number; body: unknown } | null;

  /** The TTL index removes the record after this. */
  @Prop({ required: true })
  expiresAt: Date;

  createdAt: Date;
  updatedAt: Date;
}

export type IdempotencyRecordDocument = HydratedDocument<IdempotencyRecord>;
export const IdempotencyRecordSchema = SchemaFactory.createForClass(IdempotencyRecord);
IdempotencyRecordSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
