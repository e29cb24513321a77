import { Logger } from '@nestjs/common';
import { MongoEmulator } from '@kassa/mongo-emulator';
import { DatabaseOptions } from './database-options';

/** The MongoDB the app talks to; `stop` is set when this process started an emulator. */
export interface MongoTarget {
  uri: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const EMULATOR_REFUSED_IN_PRODUCTION =
  'MONGODB_URI is required when NODE_ENV=production: the in-process MongoDB emulator keeps ' +
  'data in memory and is for development and tests only';

/**
 * `MONGODB_URI` when configured; otherwise an in-process emulator on an ephemeral loopback port,
 * announced by one warning because nothing it holds survives the process.
 */
export async function resolveMongoTarget(options: DatabaseOptions): Promise<MongoTarget> {
  if (options.uri) {
    return { uri: options.uri, embedded: false, stop: async () => undefined };
  }
  if (options.production) throw new Error(EMULATOR_REFUSED_IN_PRODUCTION);
  const emulator = await MongoEmulator.start();
  new Logger('Database').warn(
    `MONGODB_URI is not set: using the in-process MongoDB emulator at ${emulator.uri}. ` +
      'Data lives in memory only and is lost on exit; this is for development and tests only.',
  );
  return { uri: emulator.uri, embedded: true, stop: () => emulator.stop() };
}
