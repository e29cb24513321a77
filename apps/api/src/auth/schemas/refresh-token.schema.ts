import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/** A refresh token, stored only as its SHA-256; rotated tokens stay to expose reuse. */
@Schema({ collection: 'refresh_tokens', timestamps: true, versionKey: false })
export class RefreshToken {
  /** Hex SHA-256 of the opaque token. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  familyId: string;

  @Prop({ required: true })
  userId: string;

  /** Set when the token was exchanged; presenting it again is reuse. */
  @Prop({ type: Date, default: null })
  rotatedAt: Date | null;

  @Prop({ required: true })
  expiresAt: Date;

  createdAt: Date;
  updatedAt: Date;
}

export type RefreshTokenDocument = HydratedDocument<RefreshToken>;
export const RefreshTokenSchema = SchemaFactory.createForClass(RefreshToken);

RefreshTokenSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
RefreshTokenSchema.index({ familyId: 1 });
