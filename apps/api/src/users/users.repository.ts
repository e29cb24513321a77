import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { AlreadyExistsError, ListQuery } from '@kassa/common';
import { duplicateKeyField, findPage } from '@kassa/database';
import { Model, trusted, UpdateQuery } from 'mongoose';
import { Role } from '../access/role';
import { User } from './schemas/user.schema';
import { lowercaseKey, UserRecord } from './user.record';
import { UserStatus } from './user-status';

export type NewUser = Pick<UserRecord, 'username' | 'email' | 'passwordHash' | 'role' | 'status'>;

/** Fields an admin may set; `revokeSessions` bumps the token version in the same write. */
export interface UserChanges {
  username?: string;
  email?: string;
  role?: Role;
  status?: UserStatus;
  revokeSessions: boolean;
}

/** A conditional write's target: the user, and the state it must still be in to be changed. */
export interface ExpectedUser {
  id: string;
  expected: Partial<Pick<UserRecord, 'role' | 'status' | 'tokenVersion' | 'passwordHash'>>;
}

const FIELD_BY_INDEX: Record<string, string> = { usernameLower: 'username', emailLower: 'email' };

function rethrowDuplicate(error: unknown): never {
  const field = duplicateKeyField(error);
  if (field) throw new AlreadyExistsError('User', FIELD_BY_INDEX[field] ?? field);
  throw error;
}

function identityFields(changes: { username?: string; email?: string }): Partial<User> {
  return {
    ...(changes.username !== undefined && {
      username: changes.username,
      usernameLower: lowercaseKey(changes.username),
    }),
    ...(changes.email !== undefined && {
      email: changes.email,
      emailLower: lowercaseKey(changes.email),
    }),
  };
}

function filterOf({ id, expected }: ExpectedUser) {
  return { ...expected, _id: id };
}

@Injectable()
export class UsersRepository {
  constructor(@InjectModel(User.name) private readonly model: Model<User>) {}

  async create(input: NewUser): Promise<UserRecord> {
    try {
      const [created] = await this.model.create([{ ...input, ...identityFields(input) }]);
      return created.toObject<UserRecord>();
    } catch (error) {
      rethrowDuplicate(error);
    }
  }

  findById(id: string): Promise<UserRecord | null> {
    return this.model.findById(id).lean<UserRecord>().exec();
  }

  findByUsername(username: string): Promise<UserRecord | null> {
    return this.model
      .findOne({ usernameLower: lowercaseKey(username) })
      .lean<UserRecord>()
      .exec();
  }

  findByEmail(email: string): Promise<UserRecord | null> {
    return this.model
      .findOne({ emailLower: lowercaseKey(email) })
      .lean<UserRecord>()
      .exec();
  }

  async activate(id: string): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, status: UserStatus.Unverified },
      { $set: { status: UserStatus.Active } },
    );
    return result.modifiedCount === 1;
  }

  rename(id: string, username: string): Promise<UserRecord | null> {
    return this.updateOne({ id, expected: {} }, { $set: identityFields({ username }) });
  }

  setPendingEmail(id: string, email: string): Promise<UserRecord | null> {
    const pendingEmail = { email, emailLower: lowercaseKey(email) };
    return this.updateOne({ id, expected: {} }, { $set: { pendingEmail } });
  }

  /** Makes the pending address the account's address if it is still the one that was verified. */
  async applyPendingEmail(id: string, emailLower: string): Promise<UserRecord | null> {
    try {
      return await this.model
        .findOneAndUpdate(
          { _id: id, 'pendingEmail.emailLower': emailLower },
          [
            {
              $set: {
                email: '$pendingEmail.email',
                emailLower: '$pendingEmail.emailLower',
                pendingEmail: null,
              },
            },
          ],
          { new: true },
        )
        .lean<UserRecord>()
        .exec();
    } catch (error) {
      rethrowDuplicate(error);
    }
  }

  /** Replaces the password hash if it is still the expected one; the token version moves on. */
  async replacePassword(target: ExpectedUser, passwordHash: string): Promise<boolean> {
    const result = await this.model.updateOne(filterOf(target), {
      $set: { passwordHash },
      $inc: { tokenVersion: 1 },
    });
    return result.modifiedCount === 1;
  }

  /** Applies an admin's changes if the user is still in the expected state. */
  update(target: ExpectedUser, changes: UserChanges): Promise<UserRecord | null> {
    const { role, status, revokeSessions } = changes;
    return this.updateOne(target, {
      $set: {
        ...identityFields(changes),
        ...(role !== undefined && { role }),
        ...(status !== undefined && { status }),
      },
      ...(revokeSessions && { $inc: { tokenVersion: 1 } }),
    });
  }

  /**
   * Records a login if the user is still active with the token version the password was checked
   * against: a password, role or status change made meanwhile makes it miss. Being a write, it
   * also conflicts with such a change committing at the same time.
   */
  recordLogin(target: ExpectedUser, now: Date): Promise<UserRecord | null> {
    return this.updateOne(target, { $set: { lastLoginAt: now } }, { timestamps: false });
  }

  delete(target: ExpectedUser): Promise<UserRecord | null> {
    return this.model.findOneAndDelete(filterOf(target)).lean<UserRecord>().exec();
  }

  /**
   * Counts the active admins other than `excludedId` by writing a marker on each of them. The
   * write (not just a read) is what makes the last-admin rule race-free: two transactions that
   * each remove a different admin both touch the other's document, so MongoDB lets only one of
   * them commit and the retried one then counts zero.
   */
  async claimOtherActiveAdmins(excludedId: string): Promise<number> {
    const result = await this.model.updateMany(
      { role: Role.Admin, status: UserStatus.Active, _id: trusted({ $ne: excludedId }) },
      { $set: { adminQuorumCheckedAt: new Date() } },
      { timestamps: false },
    );
    return result.matchedCount;
  }

  /** Creates the user unless one with that username (or email) exists; true when created. */
  async insertIfAbsent(input: NewUser): Promise<boolean> {
    const document = { _id: randomUUID(), ...input, ...identityFields(input) };
    try {
      const result = await this.model.updateOne(
        { usernameLower: document.usernameLower },
        { $setOnInsert: document },
        { upsert: true },
      );
      return result.upsertedCount === 1;
    } catch (error) {
      if (duplicateKeyField(error) === 'usernameLower') return false;
      rethrowDuplicate(error);
    }
  }

  async deleteUnverifiedCreatedBefore(cutoff: Date): Promise<number> {
    const result = await this.model.deleteMany({
      status: UserStatus.Unverified,
      createdAt: trusted({ $lt: cutoff }),
    });
    return result.deletedCount;
  }

  list(query: ListQuery) {
    return findPage<UserRecord>(this.model, query);
  }

  async activeAdminEmails(): Promise<string[]> {
    const admins = await this.model
      .find({ role: Role.Admin, status: UserStatus.Active }, { email: 1 })
      .lean<Pick<UserRecord, 'email'>[]>()
      .exec();
    return admins.map((admin) => admin.email);
  }

  private async updateOne(
    target: ExpectedUser,
    update: UpdateQuery<User>,
    options: { timestamps?: boolean } = {},
  ): Promise<UserRecord | null> {
    try {
      return await this.model
        .findOneAndUpdate(filterOf(target), update, { new: true, ...options })
        .lean<UserRecord>()
        .exec();
    } catch (error) {
      rethrowDuplicate(error);
    }
  }
}
