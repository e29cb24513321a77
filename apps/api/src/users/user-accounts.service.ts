import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@kassa/common';
import { TransactionRunner } from '@kassa/database';
import { SessionRegistry } from '../access/sessions/session-registry';
import { UserRecord } from './user.record';
import { UserStatus } from './user-status';
import { NewUser, UsersRepository } from './users.repository';

export interface LoginIdentifier {
  username?: string;
  email?: string;
}

/**
 * The account operations that sign-up, login and the caller's own account need: what the auth
 * feature may do to users, and nothing it may not. Ending sessions on a password change happens
 * here, in the same transaction as the change.
 */
@Injectable()
export class UserAccounts {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionRegistry,
    private readonly transactions: TransactionRunner,
  ) {}

  create(input: NewUser): Promise<UserRecord> {
    return this.users.create(input);
  }

  async get(id: string): Promise<UserRecord> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  /** The user if the account exists and is active; null when unknown, unverified or deactivated. */
  async findActive(id: string): Promise<UserRecord | null> {
    const user = await this.users.findById(id);
    return user?.status === UserStatus.Active ? user : null;
  }

  findByLogin(identifier: LoginIdentifier): Promise<UserRecord | null> {
    return identifier.username !== undefined
      ? this.users.findByUsername(identifier.username)
      : this.users.findByEmail(identifier.email ?? '');
  }

  findByEmail(email: string): Promise<UserRecord | null> {
    return this.users.findByEmail(email);
  }

  activate(id: string): Promise<boolean> {
    return this.users.activate(id);
  }

  async rename(id: string, username: string): Promise<UserRecord> {
    return (await this.users.rename(id, username)) ?? this.get(id);
  }

  async setPendingEmail(id: string, email: string): Promise<UserRecord> {
    return (await this.users.setPendingEmail(id, email)) ?? this.get(id);
  }

  applyPendingEmail(id: string, emailLower: string): Promise<UserRecord | null> {
    return this.users.applyPendingEmail(id, emailLower);
  }

  /**
   * Stamps the login of a user whose password was checked, if nothing about the account changed
   * since it was read; inside the caller's transaction, so the session it starts and any
   * revocation of the user's sessions are ordered. Null when the account changed meanwhile.
   */
  recordLogin(user: UserRecord, now: Date): Promise<UserRecord | null> {
    return this.users.recordLogin(
      { id: user._id, expected: { status: UserStatus.Active, tokenVersion: user.tokenVersion } },
      now,
    );
  }

  /** Replaces the password if it is still `expectedHash`, ending every session of the user. */
  replacePassword(id: string, expectedHash: string, newHash: string): Promise<boolean> {
    return this.transactions.run(async () => {
      const replaced = await this.users.replacePassword(
        { id, expected: { passwordHash: expectedHash } },
        newHash,
      );
      if (replaced) await this.sessions.endAllOf(id);
      return replaced;
    });
  }

  /** Where mail for the shop's staff goes: the addresses of the active admins. */
  activeAdminEmails(): Promise<string[]> {
    return this.users.activeAdminEmails();
  }
}
