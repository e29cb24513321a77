import { randomUUID } from 'node:crypto';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { Role, ROLES } from '../../access/role';
import { USER_STATUSES, UserStatus } from '../user-status';

@Schema({ _id: false })
export class PendingEmail {
  @Prop({ required: true })
  email: string;

  @Prop({ required: true })
  emailLower: string;
}

const PendingEmailSchema = SchemaFactory.createForClass(PendingEmail);

@Schema({ collection: 'users', timestamps: true, versionKey: false })
export class User {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  @Prop({ required: true })
  username: string;

  /** Lowercase copy of `username`: case-insensitive uniqueness, filtering and sorting. */
  @Prop({ required: true })
  usernameLower: string;

  @Prop({ required: true })
  email: string;

  /** Lowercase copy of `email`: case-insensitive uniqueness, filtering and sorting. */
  @Prop({ required: true })
  emailLower: string;

  /** `scrypt$<logN>$<r>$<p>$<salt>$<hash>` (see PasswordHasher). */
  @Prop({ required: true })
  passwordHash: string;

  @Prop({ type: String, enum: ROLES, required: true, default: Role.Customer })
  role: Role;

  @Prop({ type: String, enum: USER_STATUSES, required: true, default: UserStatus.Unverified })
  status: UserStatus;

  /** Bumped by every change that ends the user's sessions; a login expects the value it read. */
  @Prop({ required: true, default: 0 })
  tokenVersion: number;

  /** A requested email change, applied once the new address is verified. */
  @Prop({ type: PendingEmailSchema, default: null })
  pendingEmail: PendingEmail | null;

  /** Written by the last-admin check so concurrent admin removals conflict (UsersRepository). */
  @Prop({ type: Date })
  adminQuorumCheckedAt?: Date;

  /** Written by every login in its session's transaction, so a login and a revocation conflict. */
  @Prop({ type: Date, default: null })
  lastLoginAt: Date | null;

  createdAt: Date;
  updatedAt: Date;
}

export type UserDocument = HydratedDocument<User>;
export const UserSchema = SchemaFactory.createForClass(User);

UserSchema.index({ usernameLower: 1 }, { unique: true });
UserSchema.index({ emailLower: 1 }, { unique: true });
/** The active admins (the last-admin rule, order mail). */
UserSchema.index({ role: 1, status: 1 });
/**
 * The admin list: each sort (usernames and emails sort on their unique indexes above), and each
 * equality filter with the default order; `{status, createdAt}` also finds stale unverified
 * accounts.
 */
for (const path of ['role', 'status', 'createdAt', 'updatedAt']) {
  UserSchema.index({ [path]: 1, _id: 1 });
}
for (const path of ['role', 'status']) {
  UserSchema.index({ [path]: 1, createdAt: 1, _id: 1 });
}
