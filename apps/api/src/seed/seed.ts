import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { describeConnectivityError, isConnectivityError } from '@kassa/database';
import { loadConfiguration } from '../config/configuration';
import { loadEnvFile } from '../config/env-file';
import { DemoCatalogSeeder } from './demo-catalog.seeder';
import { LoadTestCustomersSeeder } from './load-test-customers.seeder';
import { SeedCliModule } from './seed-cli.module';
import { seedVariablesFrom } from './seed-options';

/**
 * `npm run seed [-- --customers N]`: loads the demo catalog into the database at `MONGODB_URI`
 * (for example a standalone emulator from `npm run emulator`) and, with `--customers N` or
 * `SEED_CUSTOMERS=N`, makes sure the N load-test customers exist; idempotently, then exits.
 */
async function main(argv: string[]): Promise<void> {
  const variables = seedVariablesFrom(argv);
  loadEnvFile();
  const configuration = loadConfiguration({ ...process.env, ...variables });
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
    await app.get(LoadTestCustomersSeeder).seed(configuration.auth.seedCustomers);
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

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(`npm run seed failed: ${error.message}`);
  process.exitCode = 1;
});
