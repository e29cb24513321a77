import { configKey } from './config-key';
import { CoreEnvironment } from './core-environment';
import { parseDurationMs } from './environment-parsing';

export const databaseConfig = configKey('database');

/** Which MongoDB to use; without `MONGODB_URI` the in-process emulator starts. */
export function readDatabaseConfig(env: CoreEnvironment) {
  return {
    uri: env.MONGODB_URI,
    dbName: env.MONGODB_DB_NAME ?? 'kassa',
    production: env.NODE_ENV === 'production',
    serverSelectionTimeoutMs: parseDurationMs(env.MONGODB_TIMEOUT ?? '3s'),
    connectRetries: 2,
  };
}

export type DatabaseConfig = ReturnType<typeof readDatabaseConfig>;
