import { randomUUID } from 'node:crypto';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

export enum VerificationPurpose {
  Registration = 'registration',
  EmailChange = 'email_change',
  PasswordReset = 'password_reset',
}

/** The one live code per user and purpose; a new code (resend) replaces it. */
@Schema({ collection: 'verification_codes', timestamps: true, versionKey: false })
export class VerificationCode {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  @Prop({ required: true })
  userId: string;

  @Prop({ type: String, enum: Object.values(VerificationPurpose), required: true })
  purpose: VerificationPurpose;

  /** Lowercase address the code was sent to (the account's, or the pending new one). */
  @Prop({ required: true })
  email: string;

  /** HMAC-SHA256 of the code; the code itself is never stored. */
  @Prop({ required: true })
  codeHash: string;

  @Prop({ required: true, default: 0 })
  attempts: number;

  @Prop({ required: true })
  expiresAt: Date;

  /** No new code is sent before this time. */
  @Prop({ required: true })
  resendAvailableAt: Date;

  /** Kept a while past expiry so a late attempt reads "expired", then dropped by TTL. */
  @Prop({ required: true })
  purgeAt: Date;

  createdAt: Date;
  updatedAt: Date;
}

export type VerificationCodeDocument = HydratedDocument<VerificationCode>;
export const VerificationCodeSchema = SchemaFactory.createForClass(VerificationCode);

VerificationCodeSchema.index({ userId: 1, purpose: 1 }, { unique: true });
VerificationCodeSchema.index({ purgeAt: 1 }, { expireAfterSeconds: 0 });
