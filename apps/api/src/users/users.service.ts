import { Injectable } from '@nestjs/common';
import { ForbiddenError, LastAdminError, ListQuery, NotFoundError, toPage } from '@kassa/common';
import { TransactionRunner } from '@kassa/database';
import { AuthUser } from '../access/auth-user';
import { Role } from '../access/role';
import { SessionRegistry } from '../access/sessions/session-registry';
import { isPromotion } from './role-rank';
import { UserRecord } from './user.record';
import { UserStatus } from './user-status';
import { ExpectedUser, UsersRepository } from './users.repository';

export interface AdminUserChanges {
  username?: string;
  email?: string;
  role?: Role;
  status?: UserStatus.Active | UserStatus.Deactivated;
}

function isActiveAdmin(user: { role: Role; status: UserStatus }): boolean {
  return user.role === Role.Admin && user.status === UserStatus.Active;
}

function asFound(user: UserRecord): ExpectedUser {
  const { role, status, tokenVersion } = user;
  return { id: user._id, expected: { role, status, tokenVersion } };
}

/** Admin management of accounts: list, read, edit, delete, with the last-admin rule. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionRegistry,
    private readonly transactions: TransactionRunner,
  ) {}

  async list(query: ListQuery) {
    const page = await this.users.list(query);
    return toPage(page.items, page.total, query);
  }

  async get(id: string): Promise<UserRecord> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  /**
   * Edits a user. A role change or deactivation ends the user's sessions in the same transaction;
   * an admin may not raise their own role; the last active admin may not stop being one.
   */
  update(actor: AuthUser, id: string, changes: AdminUserChanges): Promise<UserRecord> {
    return this.transactions.run(async () => {
      const user = await this.get(id);
      const role = changes.role ?? user.role;
      const status = changes.status ?? user.status;
      if (actor.id === id && isPromotion(user.role, role)) {
        throw new ForbiddenError('You cannot raise your own role');
      }
      if (isActiveAdmin(user) && !isActiveAdmin({ role, status })) {
        await this.ensureAnotherActiveAdmin(id);
      }
      const revokeSessions =
        role !== user.role || (status !== user.status && status === UserStatus.Deactivated);
      const updated = await this.users.update(asFound(user), { ...changes, revokeSessions });
      if (!updated) throw new NotFoundError('User', id);
      if (revokeSessions) await this.sessions.endAllOf(id);
      return updated;
    });
  }

  /** Deletes a user and ends their sessions; never the last active admin. */
  async delete(id: string): Promise<void> {
    await this.transactions.run(async () => {
      const user = await this.get(id);
      if (isActiveAdmin(user)) await this.ensureAnotherActiveAdmin(id);
      if (!(await this.users.delete(asFound(user)))) throw new NotFoundError('User', id);
      await this.sessions.endAllOf(id);
    });
  }

  private async ensureAnotherActiveAdmin(id: string): Promise<void> {
    if ((await this.users.claimOtherActiveAdmins(id)) === 0) throw new LastAdminError();
  }
}
