import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/** Hits of one throttler key in its current window; MongoDB deletes it once expired (TTL). */
@Schema({ collection: 'rate_limit_counters', versionKey: false })
export class RateLimitCounter {
  /** The throttler's key: a hash of route, throttler name and tracker (IP or account). */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, min: 1 })
  hits: number;

  @Prop({ required: true })
  expiresAt: Date;
}

export type RateLimitCounterDocument = HydratedDocument<RateLimitCounter>;
export const RateLimitCounterSchema = SchemaFactory.createForClass(RateLimitCounter);
RateLimitCounterSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
