import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/** One login session: the chain of refresh tokens issued from one login. */
@Schema({ collection: 'token_families', timestamps: true, versionKey: false })
export class TokenFamily {
  /** The family id (`fid` in access tokens). */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  userId: string;

  /** The user's token version at login; a later bump (password change, ...) ends the family. */
  @Prop({ required: true })
  tokenVersion: number;

  @Prop({ type: Date, default: null })
  revokedAt: Date | null;

  /** Expiry of the newest refresh token; the TTL index removes the family after it. */
  @Prop({ required: true })
  expiresAt: Date;

  createdAt: Date;
  updatedAt: Date;
}

export type TokenFamilyDocument = HydratedDocument<TokenFamily>;
export const TokenFamilySchema = SchemaFactory.createForClass(TokenFamily);

TokenFamilySchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
TokenFamilySchema.index({ userId: 1 });
