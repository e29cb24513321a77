import { Role } from './role';
import { UserStatus } from './user-status';

/** A user as repositories hand it out: a plain object, never a Mongoose document. */
export interface UserRecord {
  _id: string;
  username: string;
  usernameLower: string;
  email: string;
  emailLower: string;
  passwordHash: string;
  role: Role;
  status: UserStatus;
  tokenVersion: number;
  pendingEmail: { email: string; emailLower: string } | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a guard needs to know about a token's owner on every request. */
export type UserSessionState = Pick<UserRecord, '_id' | 'role' | 'status' | 'tokenVersion'>;

/** The lowercase copy stored beside a username or email for case-insensitive uniqueness. */
export function lowercaseKey(value: string): string {
  return value.toLowerCase();
}
