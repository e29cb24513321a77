import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';
import { MongoEmulator } from '@kassa/mongo-emulator';

const ROOT = join(__dirname, '..');
const run = promisify(execFile);
const DB_NAME = 'kassa_seed_cli';

/** `npm run seed`, as a user runs it: its own process, the database named by MONGODB_URI. */
async function seed(env: Record<string, string>): Promise<{ code: number; output: string }> {
  const args = ['-r', join(ROOT, 'tools/register.js'), join(ROOT, 'apps/api/src/seed/seed.ts')];
  const { MONGODB_URI: _ignored, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, args, {
      cwd: ROOT,
      env: { ...inherited, MONGODB_DB_NAME: DB_NAME, ...env },
      timeout: 60_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    return { code: error.code ?? 1, output: `${error.stdout ?? ''}${error.stderr ?? ''}` };
  }
}

describe('npm run seed (e2e)', () => {
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

  it('loads the demo catalog once, then inserts nothing on a second run', async () => {
    const first = await seed({ MONGODB_URI: uri, SEED_DEMO: 'true' });
    expect(first.code).toBe(0);
    expect(first.output.match(/Demo catalog:/g)).toHaveLength(1);
    expect(first.output).toContain('303 of 303 products inserted');

    const second = await seed({ MONGODB_URI: uri });
    expect(second.code).toBe(0);
    expect(second.output).toContain('0 of 303 products inserted');

    const db = client.db(DB_NAME);
    expect(await db.collection('products').countDocuments()).toBe(303);
    const brands = await db.collection('brands').find().toArray();
    expect(brands).toHaveLength(8);
    expect(brands.reduce((sum, brand) => sum + brand.productCount, 0)).toBe(303);
  });

  it('refuses to run without MONGODB_URI, saying what to do', async () => {
    const result = await seed({});
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('MONGODB_URI is not set');
  });
});
