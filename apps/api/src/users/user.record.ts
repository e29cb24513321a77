import { RecordOf } from '@kassa/database';
import { User } from './schemas/user.schema';

/** A user as repositories hand it out: a plain object, never a Mongoose document. */
export type UserRecord = RecordOf<User>;

/** The lowercase copy stored beside a username or email for case-insensitive uniqueness. */
export function lowercaseKey(value: string): string {
  return value.toLowerCase();
}
