import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
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
  const app = await NestFactory.createApplicationContext(SeedCliModule.register(configuration), {
    logger: ['log', 'warn', 'error'],
  });
  try {
    await app.get(DemoCatalogSeeder).seed();
  } finally {
    await app.close();
  }
}

main().catch((error: Error) => {
  new Logger('Seed').error(error.message);
  process.exitCode = 1;
});
