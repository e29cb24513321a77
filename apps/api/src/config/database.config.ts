import { ConfigType, registerAs } from '@nestjs/config';
import { readCoreEnvironment } from './core-environment';

/** Which MongoDB to use; without `MONGODB_URI` the in-process emulator starts. */
export const databaseConfig = registerAs('database', () => {
  const env = readCoreEnvironment(process.env);
  return {
    uri: env.MONGODB_URI,
    dbName: env.MONGODB_DB_NAME ?? 'kassa',
    production: env.NODE_ENV === 'production',
  };
});

export type DatabaseConfig = ConfigType<typeof databaseConfig>;
