import { randomBytes } from 'node:crypto';
import { API_MIGRATIONS } from '../apps/api/src/migrations/migrations';
import { runScript, ScriptRun, useScriptDatabase } from './support/cli';

const DB_NAME = `kassa_migrate_cli_${randomBytes(4).toString('hex')}`;
const IDS = API_MIGRATIONS.map((migration) => migration.id);

/** `npm run migrate`, as a user runs it: its own process, the database named by MONGODB_URI. */
function migrate(env: Record<string, string>, args: string[] = []): Promise<ScriptRun> {
  return runScript('apps/api/src/migrations/migrate.ts', DB_NAME, env, args);
}

describe('npm run migrate (e2e)', () => {
  const database = useScriptDatabase(DB_NAME);

  it('lists the migrations as pending, applies them once, then lists them as applied', async () => {
    const before = await migrate({ MONGODB_URI: database.uri }, ['--status']);
    expect(before.stdout.trim().split('\n')).toEqual(IDS.map((id) => `pending  ${id}`));

    const first = await migrate({ MONGODB_URI: database.uri });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Applying migration ${IDS[0]}: `);
    expect(first.stdout.trim().split('\n').at(-1)).toBe(
      `${IDS.length} migration(s) applied, 0 already applied`,
    );
    const second = await migrate({ MONGODB_URI: database.uri });
    expect(second.stdout.trim()).toBe(`0 migration(s) applied, ${IDS.length} already applied`);

    const after = await migrate({ MONGODB_URI: database.uri }, ['--status']);
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
    const unknown = await migrate({ MONGODB_URI: database.uri }, ['--down']);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([
      1,
      'npm run migrate failed: usage: npm run migrate [-- --status]',
    ]);
  });
});
