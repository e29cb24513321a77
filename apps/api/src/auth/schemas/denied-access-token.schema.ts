import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/** An access token (by `jti`) refused until it would have expired anyway (logout). */
@Schema({ collection: 'denied_access_tokens', versionKey: false })
export class DeniedAccessToken {
  @Prop({ type: String, required: true })
  _id: string;

  /** The token's own expiry; the TTL index drops the entry then. */
  @Prop({ required: true })
  expiresAt: Date;
}

export type DeniedAccessTokenDocument = HydratedDocument<DeniedAccessToken>;
export const DeniedAccessTokenSchema = SchemaFactory.createForClass(DeniedAccessToken);

DeniedAccessTokenSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
