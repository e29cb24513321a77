import { Logger } from '@nestjs/common';
import { AlreadyExistsError } from '@kassa/common';
import { Role } from '../access/role';
import { PasswordHasher } from '../users/password-hasher';
import { UserAccounts } from '../users/user-accounts.service';
import { UserStatus } from '../users/user-status';
import { NewUser } from '../users/users.repository';
import {
  LOAD_TEST_PASSWORD,
  LoadTestCustomersSeeder,
  loadTestEmail,
  loadTestUsername,
} from './load-test-customers.seeder';

/** Accounts kept in a map by lowercase username, with the repository's upsert semantics. */
function accountsInMemory(taken: string[] = [], takenEmails: string[] = []) {
  const stored = new Map<string, NewUser>(
    taken.map((username) => [username.toLowerCase(), { username } as NewUser]),
  );
  const emails = new Set<string>(takenEmails);
  const accounts = {
    takenUsernames: async (usernames: string[]) =>
      new Set(usernames.map((name) => name.toLowerCase()).filter((name) => stored.has(name))),
    createIfAbsent: async (input: NewUser) => {
      if (stored.has(input.username.toLowerCase())) return false;
      if (emails.has(input.email)) throw new AlreadyExistsError('User', 'email');
      stored.set(input.username.toLowerCase(), input);
      emails.add(input.email);
      return true;
    },
  } as unknown as UserAccounts;
  return { accounts, stored };
}

describe(LoadTestCustomersSeeder.name, () => {
  const hasher = new PasswordHasher(10);
  let logged: jest.SpyInstance;

  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });

  afterEach(() => logged.mockRestore());

  it('numbers the usernames with four digits', () => {
    expect([1, 42, 200, 9999].map(loadTestUsername)).toEqual([
      'loadtest-0001',
      'loadtest-0042',
      'loadtest-0200',
      'loadtest-9999',
    ]);
    expect(loadTestEmail(7)).toBe('loadtest-0007@example.com');
  });

  it('creates active customers whose password is the documented one, each with its own salt', async () => {
    const { accounts, stored } = accountsInMemory();
    const result = await new LoadTestCustomersSeeder(accounts, hasher).seed(5);

    expect(result).toEqual({ created: 5, existing: 0 });
    expect([...stored.keys()].sort()).toEqual([1, 2, 3, 4, 5].map(loadTestUsername));
    const customers = [...stored.values()].sort((a, b) => a.username.localeCompare(b.username));
    for (const [index, customer] of customers.entries()) {
      expect(customer).toMatchObject({
        username: loadTestUsername(index + 1),
        email: loadTestEmail(index + 1),
        role: Role.Customer,
        status: UserStatus.Active,
      });
      expect(await hasher.verify(LOAD_TEST_PASSWORD, customer.passwordHash)).toBe(true);
      expect(await hasher.verify('another-password', customer.passwordHash)).toBe(false);
    }
    expect(new Set(customers.map((customer) => customer.passwordHash)).size).toBe(5);
  });

  it('leaves the usernames that are taken alone and hashes only for the missing ones', async () => {
    const { accounts, stored } = accountsInMemory(['LOADTEST-0002', 'loadtest-0003']);
    const counting = new PasswordHasher(10);
    const hash = jest.spyOn(counting, 'hash');

    const result = await new LoadTestCustomersSeeder(accounts, counting).seed(4);

    expect(result).toEqual({ created: 2, existing: 2 });
    expect(hash).toHaveBeenCalledTimes(2);
    expect(logged).toHaveBeenCalledWith(
      'Load-test customers: 2 of 4 created (loadtest-0001 to loadtest-0004)',
    );
    expect(stored.get('loadtest-0002')).toEqual({ username: 'LOADTEST-0002' });
  });

  it('creates nothing the second time', async () => {
    const { accounts, stored } = accountsInMemory();
    const seeder = new LoadTestCustomersSeeder(accounts, hasher);
    await seeder.seed(6);
    expect(await seeder.seed(6)).toEqual({ created: 0, existing: 6 });
    expect(stored.size).toBe(6);
  });

  it('counts an account that another run created meanwhile as existing', async () => {
    const { accounts } = accountsInMemory();
    const racing = {
      takenUsernames: async () => new Set<string>(),
      createIfAbsent: async (input: NewUser) =>
        input.username === loadTestUsername(2) ? false : accounts.createIfAbsent(input),
    } as unknown as UserAccounts;
    expect(await new LoadTestCustomersSeeder(racing, hasher).seed(3)).toEqual({
      created: 2,
      existing: 1,
    });
  });

  it('fails with ALREADY_EXISTS when another account holds a load-test email', async () => {
    const { accounts } = accountsInMemory([], [loadTestEmail(1)]);
    await expect(new LoadTestCustomersSeeder(accounts, hasher).seed(1)).rejects.toThrow(
      AlreadyExistsError,
    );
  });

  it('makes nothing for a count of 0', async () => {
    const { accounts, stored } = accountsInMemory();
    expect(await new LoadTestCustomersSeeder(accounts, hasher).seed(0)).toEqual({
      created: 0,
      existing: 0,
    });
    expect(stored.size).toBe(0);
  });
});
