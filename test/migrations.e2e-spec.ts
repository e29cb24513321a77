import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { AppliedMigration, MigrationLock, MIGRATIONS_COLLECTION } from '@kassa/database';
import { MongoEmulator } from '@kassa/mongo-emulator';
import { usersLastLoginAt } from '../apps/api/src/migrations/202611300900-users-last-login-at';
import { API_MIGRATIONS } from '../apps/api/src/migrations/migrations';
import { createTestApp, TestApp } from './support';

/** Resolves once `condition` holds, checking every 10 ms; throws after 10 s. */
async function eventually(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('migrations at start-up (e2e)', () => {
  let emulator: MongoEmulator;
  let client: MongoClient;
  const dbName = `kassa_migrations_${randomBytes(4).toString('hex')}`;
  const apps: TestApp[] = [];
  const upCalls = new Map<string, number>();
  const lockAttempts: boolean[] = [];

  beforeAll(async () => {
    emulator = await MongoEmulator.start();
    client = await MongoClient.connect(emulator.uri);
    const db = client.db(dbName);
    await db.collection('users').insertOne({ _id: 'u-legacy' as never, username: 'legacy' });
    await db.collection('denied_access_tokens').insertOne({ _id: 'jti-1' as never });

    for (const migration of API_MIGRATIONS) {
      const up = migration.up.bind(migration);
      jest.spyOn(migration, 'up').mockImplementation(async (target) => {
        upCalls.set(migration.id, (upCalls.get(migration.id) ?? 0) + 1);
        // Hold the first migration until the other instance has found the lock taken.
        if (migration === usersLastLoginAt) await eventually(() => lockAttempts.includes(false));
        await up(target);
      });
    }
    const tryAcquire = MigrationLock.prototype.tryAcquire;
    jest.spyOn(MigrationLock.prototype, 'tryAcquire').mockImplementation(async function (
      this: MigrationLock,
      now?: Date,
    ) {
      const taken = await tryAcquire.call(this, now);
      lockAttempts.push(taken);
      return taken;
    });
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    for (const testApp of apps) await testApp.close();
    await client?.close();
    await emulator?.stop();
  });

  it('applies each pending migration exactly once when two instances start at once', async () => {
    const env = { MONGODB_URI: emulator.uri, MONGODB_DB_NAME: dbName };
    apps.push(...(await Promise.all([createTestApp({ env }), createTestApp({ env })])));

    expect(Object.fromEntries(upCalls)).toEqual(
      Object.fromEntries(API_MIGRATIONS.map((migration) => [migration.id, 1])),
    );
    expect(lockAttempts).toContain(false);
    const db = client.db(dbName);
    const records = await db
      .collection<AppliedMigration>(MIGRATIONS_COLLECTION)
      .find()
      .sort({ _id: 1 })
      .toArray();
    expect(records.map((record) => record._id)).toEqual(API_MIGRATIONS.map((m) => m.id));
    expect(await db.collection('users').findOne({ _id: 'u-legacy' as never })).toMatchObject({
      lastLoginAt: null,
    });
    expect(await db.listCollections({ name: 'denied_access_tokens' }).toArray()).toEqual([]);
  });

  it('applies nothing when a third instance starts later', async () => {
    const attemptsBefore = lockAttempts.length;
    apps.push(await createTestApp({ env: { MONGODB_URI: emulator.uri, MONGODB_DB_NAME: dbName } }));
    expect([...upCalls.values()].every((calls) => calls === 1)).toBe(true);
    expect(lockAttempts.length).toBe(attemptsBefore);
  });
});
