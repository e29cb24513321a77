import { AlreadyExistsError, LastAdminError } from '@kassa/common';
import { AuthUser } from '../../apps/api/src/access/auth-user';
import { Role } from '../../apps/api/src/access/role';
import { SessionRegistry } from '../../apps/api/src/access/sessions/session-registry';
import { UserStatus } from '../../apps/api/src/users/user-status';
import { UsersModule } from '../../apps/api/src/users/users.module';
import { UsersRepository } from '../../apps/api/src/users/users.repository';
import { UsersService } from '../../apps/api/src/users/users.service';
import { overlapping, useMediumContext } from './support/medium-context';

function actor(id: string): AuthUser {
  return { id, role: Role.Admin, jti: 'jti', fid: 'fid', exp: 0 };
}

describe(`${UsersRepository.name} (medium)`, () => {
  const context = useMediumContext([UsersModule]);
  let users: UsersRepository;

  beforeAll(() => {
    users = context.get(UsersRepository);
  });

  describe('update', () => {
    it('applies changes only while the user is in the expected state', async () => {
      const account = await context.factory.customer();
      const stale = { id: account.id, expected: { tokenVersion: 7 } };
      expect(await users.update(stale, { role: Role.Support, revokeSessions: true })).toBeNull();
      const current = { id: account.id, expected: { role: Role.Customer, tokenVersion: 0 } };
      const updated = await users.update(current, { role: Role.Support, revokeSessions: true });
      expect(updated).toMatchObject({ role: Role.Support, tokenVersion: 1 });
    });

    it('turns a duplicate username into ALREADY_EXISTS', async () => {
      const [first, second] = [await context.factory.customer(), await context.factory.customer()];
      await expect(
        users.update(
          { id: second.id, expected: {} },
          { username: first.username.toUpperCase(), revokeSessions: false },
        ),
      ).rejects.toThrow(AlreadyExistsError);
    });
  });

  describe('replacePassword', () => {
    it('lets exactly one of several concurrent changes from the same hash win', async () => {
      const account = await context.factory.customer();
      const { passwordHash } = (await users.findById(account.id))!;
      const { results, peak } = await overlapping(8, (index) =>
        users.replacePassword(
          { id: account.id, expected: { passwordHash } },
          `scrypt$new-${index}`,
        ),
      );
      expect(peak).toBe(8);
      expect(
        results.filter((result) => result.status === 'fulfilled' && result.value),
      ).toHaveLength(1);
      expect((await users.findById(account.id))?.tokenVersion).toBe(1);
    });
  });

  describe('recordLogin', () => {
    it('misses once the token version moved on (a password change in between)', async () => {
      const account = await context.factory.customer();
      const user = (await users.findById(account.id))!;
      await users.replacePassword(
        { id: account.id, expected: { passwordHash: user.passwordHash } },
        'scrypt$changed',
      );
      const login = { id: account.id, expected: { tokenVersion: user.tokenVersion } };
      expect(await users.recordLogin(login, new Date())).toBeNull();
    });

    it('misses for an account that is no longer active', async () => {
      const account = await context.factory.account({ status: UserStatus.Deactivated });
      const login = { id: account.id, expected: { status: UserStatus.Active, tokenVersion: 0 } };
      expect(await users.recordLogin(login, new Date())).toBeNull();
    });
  });

  describe('activate', () => {
    it('activates an unverified account once', async () => {
      const account = await context.factory.account({ status: UserStatus.Unverified });
      const { results } = await overlapping(5, () => users.activate(account.id));
      const activations = results.filter((result) => result.status === 'fulfilled' && result.value);
      expect(activations).toHaveLength(1);
    });
  });

  describe('applyPendingEmail', () => {
    it('moves the pending address in, only if it is still the verified one', async () => {
      const account = await context.factory.customer();
      await users.setPendingEmail(account.id, 'New@Example.test');
      expect(await users.applyPendingEmail(account.id, 'other@example.test')).toBeNull();
      const applied = await users.applyPendingEmail(account.id, 'new@example.test');
      expect(applied).toMatchObject({
        email: 'New@Example.test',
        emailLower: 'new@example.test',
        pendingEmail: null,
      });
    });
  });

  describe('the last-admin rule (through UsersService)', () => {
    it('never lets two concurrent demotions remove the last two admins', async () => {
      await context.connection.collection('users').deleteMany({ role: Role.Admin });
      const [first, second] = [await context.factory.admin(), await context.factory.admin()];
      const service = context.get(UsersService);
      const { results, peak } = await overlapping(2, (index) => {
        const target = index === 0 ? first : second;
        return service.update(actor('someone-else'), target.id, { role: Role.Customer });
      });
      expect(peak).toBe(2);
      const refused = results.filter(
        (result) => result.status === 'rejected' && result.reason instanceof LastAdminError,
      );
      expect(refused).toHaveLength(1);
      expect(
        await context.connection
          .collection('users')
          .countDocuments({ role: Role.Admin, status: UserStatus.Active }),
      ).toBe(1);
    });

    it('ends the sessions of a demoted user in the same transaction', async () => {
      const customer = await context.factory.customer();
      const sessions = context.get(SessionRegistry);
      const sessionId = await sessions.start({
        userId: customer.id,
        role: Role.Customer,
        expiresAt: new Date(Date.now() + 60_000),
      });
      await context.get(UsersService).update(actor('admin'), customer.id, { role: Role.Support });
      expect(await sessions.find(sessionId)).toBeNull();
    });
  });
});
