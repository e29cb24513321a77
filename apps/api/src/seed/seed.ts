import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { describeConnectivityError, isConnectivityError } from '@kassa/database';
import { loadConfiguration } from '../config/configuration';
import { loadEnvFile } from '../config/env-file';
import { DemoCatalogSeeder } from './demo-catalog.seeder';
import { SeedCliModule } from './seed-cli.module';

/**
 * `npm run seed`: loads the demo catalog into the database at `MONGODB_URI` (for example a
 * standalone emulator from `npm run emulator`), idempotently, then exits.
 */
async function main(): Promise<void> {
  loadEnvFile();
  const configuration = loadConfiguration(process.env);
  if (!configuration.database.uri) {
    throw new Error(
      'MONGODB_URI is not set: npm run seed loads the demo catalog into the database it names ' +
        '(for a local one, start `npm run emulator` and point MONGODB_URI at it)',
    );
  }
  const database = { ...configuration.database, connectRetries: 0 };
  const app = await NestFactory.createApplicationContext(
    SeedCliModule.register({ ...configuration, database }),
    { logger: false, abortOnError: false },
  ).catch((error: Error) => {
    throw isConnectivityError(error)
      ? new Error(
          `Cannot reach MongoDB at ${hostsOf(database.uri!)}: ${describeConnectivityError(error)}`,
        )
      : error;
  });
  app.useLogger(new ConsoleLogger({ logLevels: ['log', 'warn', 'error'] }));
  try {
    await app.get(DemoCatalogSeeder).seed();
  } finally {
    await app.close();
  }
}

/** The host list of a connection string, without credentials or options. */
function hostsOf(uri: string): string {
  return uri
    .replace(/^mongodb(\+srv)?:\/\//, '')
    .replace(/^[^@/]*@/, '')
    .split(/[/?]/)[0];
}

main().catch((error: Error) => {
  console.error(`npm run seed failed: ${error.message}`);
  process.exitCode = 1;
});
