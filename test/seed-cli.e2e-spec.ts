import { LOAD_TEST_PASSWORD } from '../apps/api/src/seed/load-test-customers.seeder';
import { PasswordHasher } from '../apps/api/src/users/password-hasher';
import { runScript, useScriptDatabase } from './support/cli';

const DB_NAME = 'kassa_seed_cli';

/** `npm run seed`, as a user runs it: its own process, the database named by MONGODB_URI. */
async function seed(
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number; output: string }> {
  const { code, stdout, stderr } = await runScript('apps/api/src/seed/seed.ts', DB_NAME, env, args);
  return { code, output: stdout + stderr };
}

describe('npm run seed (e2e)', () => {
  const database = useScriptDatabase(DB_NAME);

  it('loads the demo catalog once, then inserts nothing on a second run', async () => {
    const first = await seed({ MONGODB_URI: database.uri, SEED_DEMO: 'true' });
    expect(first.code).toBe(0);
    expect(first.output.match(/Demo catalog:/g)).toHaveLength(1);
    expect(first.output).toContain('303 of 303 products inserted');

    const second = await seed({ MONGODB_URI: database.uri });
    expect(second.code).toBe(0);
    expect(second.output).toContain('0 of 303 products inserted');

    const db = database.client.db(DB_NAME);
    expect(await db.collection('products').countDocuments()).toBe(303);
    const brands = await db.collection('brands').find().toArray();
    expect(brands).toHaveLength(8);
    expect(brands.reduce((sum, brand) => sum + brand.productCount, 0)).toBe(303);
  });

  it('makes the load-test customers with --customers or SEED_CUSTOMERS, never twice', async () => {
    const fast = { MONGODB_URI: database.uri, PASSWORD_SCRYPT_LOG_N: '10' };
    const first = await seed(fast, ['--customers', '3']);
    expect(first.code).toBe(0);
    expect(first.output).toContain(
      'Load-test customers: 3 of 3 created (loadtest-0001 to loadtest-0003)',
    );

    const second = await seed({ ...fast, SEED_CUSTOMERS: '4' });
    expect(second.code).toBe(0);
    expect(second.output).toContain('Load-test customers: 1 of 4 created');

    const users = await database.client
      .db(DB_NAME)
      .collection('users')
      .find({ usernameLower: /^loadtest-/ }, { sort: { usernameLower: 1 } })
      .toArray();
    expect(users.map((user) => user.username)).toEqual([
      'loadtest-0001',
      'loadtest-0002',
      'loadtest-0003',
      'loadtest-0004',
    ]);
    const hasher = new PasswordHasher(10);
    for (const user of users) {
      expect(user).toMatchObject({ role: 'customer', status: 'active', tokenVersion: 0 });
      expect(user.passwordHash).toMatch(/^scrypt\$10\$/);
      expect(await hasher.verify(LOAD_TEST_PASSWORD, user.passwordHash)).toBe(true);
    }
  });

  it.each([
    [['--customers', 'many'], /SEED_CUSTOMERS must be an integer/],
    [['--customers', '10000'], /SEED_CUSTOMERS must not be greater than 9999/],
    [['--users', '3'], /usage: npm run seed \[-- --customers N\]/],
  ])('refuses %p, saying why', async (argv, message) => {
    const result = await seed({ MONGODB_URI: database.uri }, argv);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(message);
  });

  it('refuses to run without MONGODB_URI, saying what to do', async () => {
    const result = await seed({});
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('MONGODB_URI is not set');
  });
});
