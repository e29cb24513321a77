import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { AlreadyExistsError, ListQuery } from '@kassa/common';
import { findPage } from '@kassa/database';
import { ClientSession, Model, UpdateQuery } from 'mongoose';
import { duplicateKeyField } from './duplicate-key';
import { Role } from './role';
import { User } from './schemas/user.schema';
import { lowercaseKey, UserRecord, UserSessionState } from './user.record';
import { UserStatus } from './user-status';

export interface NewUser {
  username: string;
  email: string;
  passwordHash: string;
  role: Role;
  status: UserStatus;
}

/** Fields an admin may set; `revokeSessions` bumps the token version in the same write. */
export interface UserChanges {
  username?: string;
  email?: string;
  role?: Role;
  status?: UserStatus;
  revokeSessions: boolean;
}

/** The state a conditional update expects to find, so a concurrent change makes it miss. */
export type ExpectedUserState = Pick<UserRecord, '_id' | 'role' | 'status' | 'tokenVersion'>;

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

@Injectable()
export class UsersRepository {
  constructor(@InjectModel(User.name) private readonly model: Model<User>) {}

  async create(input: NewUser): Promise<UserRecord> {
    try {
      const created = await this.model.create({ ...input, ...identityFields(input) });
      return created.toObject<UserRecord>();
    } catch (error) {
      rethrowDuplicate(error);
    }
  }

  findById(id: string, session?: ClientSession): Promise<UserRecord | null> {
    return this.model.findById(id, null, { session }).lean<UserRecord>().exec();
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

  findSessionState(id: string, session?: ClientSession): Promise<UserSessionState | null> {
    return this.model
      .findById(id, { role: 1, status: 1, tokenVersion: 1 }, { session })
      .lean<UserSessionState>()
      .exec();
  }

  async activate(id: string, session?: ClientSession): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, status: UserStatus.Unverified },
      { $set: { status: UserStatus.Active } },
      { session },
    );
    return result.modifiedCount === 1;
  }

  async changeUsername(id: string, username: string): Promise<UserRecord | null> {
    return this.updateById(id, { $set: identityFields({ username }) });
  }

  setPendingEmail(id: string, email: string): Promise<UserRecord | null> {
    const pendingEmail = { email, emailLower: lowercaseKey(email) };
    return this.updateById(id, { $set: { pendingEmail } });
  }

  /** Makes the pending address the account's address if it is still the one that was verified. */
  async applyPendingEmail(
    id: string,
    emailLower: string,
    session?: ClientSession,
  ): Promise<UserRecord | null> {
    const user = await this.findById(id, session);
    if (user?.pendingEmail?.emailLower !== emailLower) return null;
    return this.updateById(
      id,
      { $set: { ...identityFields({ email: user.pendingEmail.email }), pendingEmail: null } },
      { 'pendingEmail.emailLower': emailLower },
      session,
    );
  }

  /** Replaces the hash only if it is still `expectedHash`, and ends every session. */
  async replacePassword(id: string, expectedHash: string, newHash: string): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, passwordHash: expectedHash },
      { $set: { passwordHash: newHash }, $inc: { tokenVersion: 1 } },
    );
    return result.modifiedCount === 1;
  }

  /** Applies an admin's changes if the user is still in the expected state. */
  update(
    expected: ExpectedUserState,
    changes: UserChanges,
    session?: ClientSession,
  ): Promise<UserRecord | null> {
    const { role, status, revokeSessions } = changes;
    const update: UpdateQuery<User> = {
      $set: {
        ...identityFields(changes),
        ...(role !== undefined && { role }),
        ...(status !== undefined && { status }),
      },
      ...(revokeSessions && { $inc: { tokenVersion: 1 } }),
    };
    const { _id, ...state } = expected;
    return this.updateById(_id, update, state, session);
  }

  delete(expected: ExpectedUserState, session?: ClientSession): Promise<UserRecord | null> {
    const { _id, ...state } = expected;
    return this.model
      .findOneAndDelete({ _id, ...state }, { session })
      .lean<UserRecord>()
      .exec();
  }

  /**
   * Counts the active admins other than `excludedId` by writing a marker on each of them. The
   * write (not just a read) is what makes the last-admin rule race-free: two transactions that
   * each remove a different admin both touch the other's document, so MongoDB lets only one of
   * them commit and the retried one then counts zero.
   */
  async claimOtherActiveAdmins(excludedId: string, session: ClientSession): Promise<number> {
    const result = await this.model.updateMany(
      { role: Role.Admin, status: UserStatus.Active, _id: { $ne: excludedId } },
      { $set: { adminQuorumCheckedAt: new Date() } },
      { session, timestamps: false },
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
      createdAt: { $lt: cutoff },
    });
    return result.deletedCount;
  }

  list(query: ListQuery) {
    return findPage<UserRecord>(this.model, query);
  }

  private async updateById(
    id: string,
    update: UpdateQuery<User>,
    expected: Record<string, unknown> = {},
    session?: ClientSession,
  ): Promise<UserRecord | null> {
    try {
      return await this.model
        .findOneAndUpdate({ ...expected, _id: id }, update, { new: true, session })
        .lean<UserRecord>()
        .exec();
    } catch (error) {
      rethrowDuplicate(error);
    }
  }
}
