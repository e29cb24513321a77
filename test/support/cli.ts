import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MongoEmulator } from '@kassa/mongo-emulator';
import { MongoClient } from 'mongodb';

const ROOT = join(__dirname, '../..');
const run = promisify(execFile);

export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A TypeScript entry point run as its npm script runs it: its own process, the database named in
 * `env` only (the spec's own `MONGODB_URI` is not inherited), on `dbName`.
 */
export async function runScript(
  script: string,
  dbName: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<ScriptRun> {
  const { MONGODB_URI: _ignored, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['-r', join(ROOT, 'tools/register.js'), join(ROOT, script), ...args],
      { cwd: ROOT, env: { ...inherited, MONGODB_DB_NAME: dbName, ...env }, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    return { code: error.code ?? 1, stdout: error.stdout ?? '', stderr: error.stderr ?? '' };
  }
}

/**
 * The database a command-line spec points its scripts at: `MONGODB_URI`'s, or a standalone
 * emulator of its own; `dbName` is dropped after all. Filled in before the spec's `beforeAll`.
 */
export function useScriptDatabase(dbName: string): { uri: string; client: MongoClient } {
  const target = {} as { uri: string; client: MongoClient };
  let emulator: MongoEmulator | undefined;
  beforeAll(async () => {
    target.uri = process.env.MONGODB_URI ?? (emulator = await MongoEmulator.start()).uri;
    target.client = await new MongoClient(target.uri).connect();
  });
  afterAll(async () => {
    await target.client?.db(dbName).dropDatabase();
    await target.client?.close();
    await emulator?.stop();
  });
  return target;
}
