import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';
import { MongoEmulator } from '@kassa/mongo-emulator';
import { API_MIGRATIONS } from '../apps/api/src/migrations/migrations';

const ROOT = join(__dirname, '..');
const run = promisify(execFile);
const DB_NAME = `kassa_migrate_cli_${randomBytes(4).toString('hex')}`;
const IDS = API_MIGRATIONS.map((migration) => migration.id);

/** `npm run migrate`, as a user runs it: its own process, the database named by MONGODB_URI. */
async function migrate(
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = join(ROOT, 'apps/api/src/migrations/migrate.ts');
  const { MONGODB_URI: _ignored, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['-r', join(ROOT, 'tools/register.js'), script, ...args],
      { cwd: ROOT, env: { ...inherited, MONGODB_DB_NAME: DB_NAME, ...env }, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    return { code: error.code ?? 1, stdout: error.stdout ?? '', stderr: error.stderr ?? '' };
  }
}

describe('npm run migrate (e2e)', () => {
  let emulator: MongoEmulator;
  let client: MongoClient;
  let uri: string;

  beforeAll(async () => {
    uri = process.env.MONGODB_URI ?? (emulator = await MongoEmulator.start()).uri;
    client = await new MongoClient(uri).connect();
  });

  afterAll(async () => {
    await client?.db(DB_NAME).dropDatabase();
    await client?.close();
    await emulator?.stop();
  });

  it('lists the migrations as pending, applies them once, then lists them as applied', async () => {
    const before = await migrate({ MONGODB_URI: uri }, ['--status']);
    expect(before.stdout.trim().split('\n')).toEqual(IDS.map((id) => `pending  ${id}`));

    const first = await migrate({ MONGODB_URI: uri });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Applying migration ${IDS[0]}: `);
    expect(first.stdout.trim().split('\n').at(-1)).toBe(
      `${IDS.length} migration(s) applied, 0 already applied`,
    );
    const second = await migrate({ MONGODB_URI: uri });
    expect(second.stdout.trim()).toBe(`0 migration(s) applied, ${IDS.length} already applied`);

    const after = await migrate({ MONGODB_URI: uri }, ['--status']);
    expect(after.stdout.trim().split('\n')).toEqual(
      IDS.map((id) =>
        expect.stringMatching(new RegExp(`^applied \\d{4}-\\d\\d-\\d\\dT\\S+  ${id}$`)),
      ),
    );
  });

  it('refuses to run without MONGODB_URI, or with an unknown argument, saying what to do', async () => {
    const withoutUri = await migrate({});
    expect(withoutUri.code).toBe(1);
    expect(withoutUri.stderr).toMatch(/^npm run migrate failed: MONGODB_URI is not set/);
    const unknown = await migrate({ MONGODB_URI: uri }, ['--down']);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([
      1,
      'npm run migrate failed: usage: npm run migrate [-- --status]',
    ]);
  });
});
