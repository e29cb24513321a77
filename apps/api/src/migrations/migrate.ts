import 'reflect-metadata';
import { MongoClient } from 'mongodb';
import { describeConnectivityError, isConnectivityError, MigrationRunner } from '@kassa/database';
import { loadConfiguration } from '../config/configuration';
import { loadEnvFile } from '../config/env-file';
import { API_MIGRATIONS } from './migrations';

const USAGE = 'usage: npm run migrate [-- --status]';

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

const logger = {
  log: print,
  warn: (message: string) => console.warn(`warning: ${message}`),
};

/**
 * `npm run migrate`: applies the pending migrations to the database at `MONGODB_URI` (the API
 * also does at start-up), behind the same lock; `-- --status` lists them instead.
 */
async function main(args: string[]): Promise<void> {
  const status = args.includes('--status');
  if (args.some((arg) => arg !== '--status')) throw new Error(USAGE);
  loadEnvFile();
  const { database } = loadConfiguration(process.env);
  if (!database.uri) {
    throw new Error(
      'MONGODB_URI is not set: npm run migrate migrates the database it names (the in-process ' +
        'emulator of `npm start` is migrated when it starts)',
    );
  }
  const client = new MongoClient(database.uri, {
    serverSelectionTimeoutMS: database.serverSelectionTimeoutMs,
  });
  try {
    await client.connect();
    const runner = new MigrationRunner(client.db(database.dbName), API_MIGRATIONS, { logger });
    if (status) {
      const report = await runner.status();
      for (const { id, appliedAt } of report.migrations) {
        print(`${appliedAt ? `applied ${appliedAt.toISOString()}` : 'pending'}  ${id}`);
      }
      for (const id of report.unknown) print(`unknown  ${id}`);
    } else {
      const { applied, alreadyApplied } = await runner.run();
      print(`${applied.length} migration(s) applied, ${alreadyApplied.length} already applied`);
    }
  } catch (error) {
    throw isConnectivityError(error)
      ? new Error(`Cannot reach MongoDB: ${describeConnectivityError(error as Error)}`)
      : error;
  } finally {
    await client.close();
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(`npm run migrate failed: ${error.message}`);
  process.exitCode = 1;
});
