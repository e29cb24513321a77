import mongoose, { Connection, Schema } from 'mongoose';
import { startTestDatabase, TestDatabase } from './test-database';

interface ExpiringToken {
  _id: string;
  expiresAt: Date;
}

const ExpiringTokenSchema = new Schema<ExpiringToken>({
  _id: { type: String, required: true },
  expiresAt: { type: Date, required: true, expires: 0 },
});

const MAX_WAIT_MS = 20_000;
const POLL_MS = 200;

async function waitUntil(condition: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + MAX_WAIT_MS;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return condition();
}

describe('MongoEmulator TTL indexes', () => {
  let database: TestDatabase;
  let connection: Connection;
  let previousSleepSecs: unknown;

  beforeAll(async () => {
    database = await startTestDatabase('mongoose-ttl');
    connection = await mongoose
      .createConnection(database.uri, { dbName: database.dbName })
      .asPromise();
    const admin = connection.db!.admin();
    previousSleepSecs = (await admin.command({ getParameter: 1, ttlMonitorSleepSecs: 1 }))
      .ttlMonitorSleepSecs;
    await admin.command({ setParameter: 1, ttlMonitorSleepSecs: 1 });
  });

  afterAll(async () => {
    await connection?.db
      ?.admin()
      .command({ setParameter: 1, ttlMonitorSleepSecs: previousSleepSecs ?? 60 });
    await connection?.dropDatabase();
    await connection?.close();
    await database?.stop();
  });

  it('removes a document whose expiry date has passed and keeps one that has not', async () => {
    const tokens = connection.model<ExpiringToken>('ExpiringToken', ExpiringTokenSchema);
    await tokens.init();
    await tokens.create([
      { _id: 'expired', expiresAt: new Date(Date.now() - 60_000) },
      { _id: 'valid', expiresAt: new Date(Date.now() + 3_600_000) },
    ]);

    const expiredIsGone = await waitUntil(
      async () => (await tokens.countDocuments({ _id: 'expired' })) === 0,
    );

    expect(expiredIsGone).toBe(true);
    expect(await tokens.countDocuments({ _id: 'valid' })).toBe(1);
  });
});
