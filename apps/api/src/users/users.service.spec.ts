import { ForbiddenError, LastAdminError, NotFoundError } from '@kassa/common';
import { TransactionRunner } from '@kassa/database';
import { AuthUser } from '../access/auth-user';
import { Role } from '../access/role';
import { SessionRegistry } from '../access/sessions/session-registry';
import { UserRecord } from './user.record';
import { UserStatus } from './user-status';
import { UserChanges, UsersRepository } from './users.repository';
import { UsersService } from './users.service';

function user(overrides: Partial<UserRecord>): UserRecord {
  return {
    _id: 'user-1',
    username: 'ada',
    usernameLower: 'ada',
    email: 'ada@example.test',
    emailLower: 'ada@example.test',
    passwordHash: 'scrypt$...',
    role: Role.Customer,
    status: UserStatus.Active,
    tokenVersion: 0,
    pendingEmail: null,
    lastLoginAt: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}

function actor(id: string, role = Role.Admin): AuthUser {
  return { id, role, jti: 'jti', fid: 'fid', exp: 0 };
}

describe(UsersService.name, () => {
  let stored: UserRecord;
  let otherActiveAdmins: number;
  let applied: UserChanges | undefined;
  let endedSessionsOf: string[];
  let service: UsersService;

  beforeEach(() => {
    applied = undefined;
    endedSessionsOf = [];
    otherActiveAdmins = 1;
    const repository = {
      findById: async (id: string) => (id === stored._id ? stored : null),
      claimOtherActiveAdmins: async () => otherActiveAdmins,
      update: async (_expected: unknown, changes: UserChanges) => {
        applied = changes;
        return { ...stored, ...changes };
      },
      delete: async () => stored,
    } as unknown as UsersRepository;
    const sessions = {
      endAllOf: async (userId: string) => void endedSessionsOf.push(userId),
    } as unknown as SessionRegistry;
    const transactions = { run: <T>(work: () => Promise<T>) => work() } as TransactionRunner;
    service = new UsersService(repository, sessions, transactions);
  });

  describe('update', () => {
    it('ends the sessions of a user whose role changes', async () => {
      stored = user({ role: Role.Customer });
      await service.update(actor('admin-1'), 'user-1', { role: Role.Support });
      expect(applied).toMatchObject({ role: Role.Support, revokeSessions: true });
      expect(endedSessionsOf).toEqual(['user-1']);
    });

    it('ends the sessions of a user who is deactivated', async () => {
      stored = user({});
      await service.update(actor('admin-1'), 'user-1', { status: UserStatus.Deactivated });
      expect(applied?.revokeSessions).toBe(true);
    });

    it('keeps the sessions on a rename', async () => {
      stored = user({});
      await service.update(actor('admin-1'), 'user-1', { username: 'ada2' });
      expect(applied?.revokeSessions).toBe(false);
      expect(endedSessionsOf).toEqual([]);
    });

    it('never lets a user raise their own role', async () => {
      stored = user({ _id: 'self', role: Role.Support });
      await expect(service.update(actor('self'), 'self', { role: Role.Admin })).rejects.toThrow(
        ForbiddenError,
      );
      expect(applied).toBeUndefined();
    });

    it('lets an admin demote themselves while another admin remains', async () => {
      stored = user({ _id: 'self', role: Role.Admin });
      await service.update(actor('self'), 'self', { role: Role.Customer });
      expect(applied?.role).toBe(Role.Customer);
    });

    it('refuses to demote or deactivate the last active admin', async () => {
      stored = user({ role: Role.Admin });
      otherActiveAdmins = 0;
      await expect(
        service.update(actor('admin-2'), 'user-1', { role: Role.Customer }),
      ).rejects.toMatchObject({ code: 'LAST_ADMIN' });
      await expect(
        service.update(actor('admin-2'), 'user-1', { status: UserStatus.Deactivated }),
      ).rejects.toThrow(LastAdminError);
      expect(applied).toBeUndefined();
    });

    it('answers NOT_FOUND for an unknown user', async () => {
      stored = user({});
      await expect(service.update(actor('admin-1'), 'nobody', {})).rejects.toThrow(NotFoundError);
    });
  });

  describe('delete', () => {
    it('refuses to delete the last active admin', async () => {
      stored = user({ role: Role.Admin });
      otherActiveAdmins = 0;
      await expect(service.delete('user-1')).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    });

    it('deletes an unverified admin without counting admins', async () => {
      stored = user({ role: Role.Admin, status: UserStatus.Unverified });
      otherActiveAdmins = 0;
      await expect(service.delete('user-1')).resolves.toBeUndefined();
      expect(endedSessionsOf).toEqual(['user-1']);
    });
  });
});
