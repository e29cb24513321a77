import { Injectable } from '@nestjs/common';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  parseListQuery,
  toPage,
} from '@kassa/common';
import { TransactionRunner } from '@kassa/database';
import { ClientSession } from 'mongoose';
import { AuthUser } from '../auth/auth-user';
import { Role } from './role';
import { isPromotion } from './role-rank';
import { UserRecord } from './user.record';
import { UserStatus } from './user-status';
import { USER_LIST_SPEC } from './users-list';
import { UsersRepository } from './users.repository';

export interface AdminUserChanges {
  username?: string;
  email?: string;
  role?: Role;
  status?: UserStatus.Active | UserStatus.Deactivated;
}

function isActiveAdmin(user: { role: Role; status: UserStatus }): boolean {
  return user.role === Role.Admin && user.status === UserStatus.Active;
}

/** Admin management of accounts: list, read, edit, delete, with the last-admin rule. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async list(rawQuery: Record<string, unknown>) {
    const query = parseListQuery(rawQuery, USER_LIST_SPEC);
    const page = await this.users.list(query);
    return toPage(page.items, page.total, query);
  }

  async get(id: string): Promise<UserRecord> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  /**
   * Edits a user. A role change or deactivation ends the user's sessions in the same write; an
   * admin may not raise their own role; the last active admin may not stop being one.
   */
  update(actor: AuthUser, id: string, changes: AdminUserChanges): Promise<UserRecord> {
    return this.transactions.run(async (session) => {
      const user = await this.requireUser(id, session);
      const role = changes.role ?? user.role;
      const status = changes.status ?? user.status;
      if (actor.id === id && isPromotion(user.role, role)) {
        throw new ForbiddenError('You cannot raise your own role');
      }
      if (isActiveAdmin(user) && !isActiveAdmin({ role, status })) {
        await this.ensureAnotherActiveAdmin(id, session);
      }
      const revokeSessions =
        role !== user.role || (status !== user.status && status === UserStatus.Deactivated);
      const updated = await this.users.update(user, { ...changes, revokeSessions }, session);
      if (!updated) throw new NotFoundError('User', id);
      return updated;
    });
  }

  /** Deletes a user (their tokens stop working with the account); never the last admin. */
  async delete(id: string): Promise<void> {
    await this.transactions.run(async (session) => {
      const user = await this.requireUser(id, session);
      if (isActiveAdmin(user)) await this.ensureAnotherActiveAdmin(id, session);
      if (!(await this.users.delete(user, session))) throw new NotFoundError('User', id);
    });
  }

  private async requireUser(id: string, session: ClientSession): Promise<UserRecord> {
    const user = await this.users.findById(id, session);
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  private async ensureAnotherActiveAdmin(id: string, session: ClientSession): Promise<void> {
    if ((await this.users.claimOtherActiveAdmins(id, session)) === 0) {
      throw new ConflictError(
        'LAST_ADMIN',
        'The last active admin cannot be demoted, deactivated or deleted',
      );
    }
  }
}
