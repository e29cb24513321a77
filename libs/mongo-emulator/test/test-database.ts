import { MongoEmulator } from '@kassa/mongo-emulator';
import { randomUUID } from 'crypto';

/** Where a spec file's data lives: its own database on `MONGODB_URI`, else on a fresh emulator. */
export interface TestDatabase {
  uri: string;
  dbName: string;
  stop(): Promise<void>;
}

export async function startTestDatabase(prefix: string): Promise<TestDatabase> {
  const dbName = `${prefix}-${randomUUID().slice(0, 8)}`;
  const configuredUri = process.env.MONGODB_URI;
  if (configuredUri) return { uri: configuredUri, dbName, stop: async () => undefined };
  const emulator = await MongoEmulator.start({});
  return { uri: emulator.uri, dbName, stop: () => emulator.stop() };
}
