import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { Role, ROLES } from '../role';

/**
 * One login session: the chain of refresh tokens issued from one login, and every access token
 * issued alongside them (they carry its id as `fid`). Revoking it ends all of them at once.
 */
@Schema({ collection: 'token_families', timestamps: true, versionKey: false })
export class TokenFamily {
  /** The family id (`fid` in access tokens). */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  userId: string;

  /** The user's role at login; a role change revokes the user's sessions, so it stays current. */
  @Prop({ type: String, enum: ROLES, required: true })
  role: Role;

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
TokenFamilySchema.index({ userId: 1, revokedAt: 1 });
