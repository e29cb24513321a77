import { MongoEmulator, type MongoEmulatorOptions } from '@kassa/mongo-emulator';
import { MongoClient, type Db, type MongoClientOptions } from 'mongodb';

/** A driver client on a fresh emulator, and the database a spec file works in. */
export interface EmulatorClient {
  client: MongoClient;
  db: Db;
  /** The emulator's connection string, for a second client. */
  uri: string;
}

/**
 * Registers the hooks of a spec file that talks to its own emulator through the driver: start
 * and connect before all tests, disconnect and stop after all.
 */
export function useEmulatorClient(
  dbName: string,
  options: { emulator?: MongoEmulatorOptions; client?: MongoClientOptions } = {},
): EmulatorClient {
  const connected = {} as EmulatorClient;
  let emulator: MongoEmulator | undefined;

  beforeAll(async () => {
    emulator = await MongoEmulator.start(options.emulator);
    connected.uri = emulator.uri;
    connected.client = await MongoClient.connect(emulator.uri, options.client);
    connected.db = connected.client.db(dbName);
  });

  afterAll(async () => {
    await connected.client?.close();
    await emulator?.stop();
  });

  return connected;
}
