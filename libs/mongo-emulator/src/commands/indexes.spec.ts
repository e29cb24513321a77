import { useEmulatorClient } from '../../test/emulator-client';

describe('index commands', () => {
  const mongo = useEmulatorClient('idx', { emulator: { ttlMonitorSleepSecs: 1 } });

  it('names indexes like MongoDB and lists and drops them', async () => {
    const coll = mongo.db.collection('names');
    expect(await coll.createIndex({ a: 1, b: -1 })).toBe('a_1_b_-1');
    await coll.createIndex({ c: 1 }, { name: 'custom' });
    expect((await coll.listIndexes().toArray()).map((index) => index.name)).toEqual([
      '_id_',
      'a_1_b_-1',
      'custom',
    ]);
    await coll.dropIndex('custom');
    await expect(coll.dropIndex('custom')).rejects.toMatchObject({
      code: 27,
      codeName: 'IndexNotFound',
    });
    await coll.dropIndexes();
    expect(await coll.listIndexes().toArray()).toHaveLength(1);
  });

  it('reports conflicting definitions with codes 85 and 86', async () => {
    const coll = mongo.db.collection('conflicts');
    await coll.createIndex({ a: 1 });
    await expect(coll.createIndex({ b: 1 }, { name: 'a_1' })).rejects.toMatchObject({ code: 86 });
    await expect(coll.createIndex({ a: 1 }, { name: 'other' })).rejects.toMatchObject({ code: 85 });
  });

  it('enforces unique indexes with the MongoDB duplicate key error', async () => {
    const users = mongo.db.collection('users');
    await users.createIndex({ name: 1 }, { unique: true });
    await users.insertOne({ name: 'x' });
    const error = await users.insertOne({ name: 'x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 11000,
      message:
        'E11000 duplicate key error collection: idx.users index: name_1 dup key: { name: "x" }',
      keyPattern: { name: 1 },
      keyValue: { name: 'x' },
    });
    await users.insertOne({ name: 'y' });
    await expect(users.updateOne({ name: 'y' }, { $set: { name: 'x' } })).rejects.toMatchObject({
      code: 11000,
    });
    await expect(
      users.findOneAndUpdate({ name: 'z' }, { $set: { name: 'x' } }, { upsert: true }),
    ).rejects.toMatchObject({ code: 11000 });
  });

  it('enforces compound, partial and sparse unique indexes only where they apply', async () => {
    const coll = mongo.db.collection('scoped');
    await coll.createIndex({ shop: 1, sku: 1 }, { unique: true });
    await coll.createIndex(
      { email: 1 },
      { unique: true, partialFilterExpression: { active: true } },
    );
    await coll.createIndex({ code: 1 }, { unique: true, sparse: true });
    await coll.insertMany([
      { shop: 1, sku: 'a' },
      { shop: 2, sku: 'a', email: 'e', active: false },
      { shop: 3, sku: 'a', email: 'e', active: true },
    ]);
    await expect(coll.insertOne({ shop: 1, sku: 'a' })).rejects.toMatchObject({
      code: 11000,
      keyPattern: { shop: 1, sku: 1 },
    });
    await expect(
      coll.insertOne({ shop: 4, sku: 'a', email: 'e', active: true }),
    ).rejects.toMatchObject({ code: 11000 });
    await expect(coll.insertOne({ shop: 5, sku: 'a', code: 'c' })).resolves.toBeDefined();
    await expect(coll.insertOne({ shop: 6, sku: 'a', code: 'c' })).rejects.toMatchObject({
      code: 11000,
    });
  });

  it('refuses to build a unique index over duplicates', async () => {
    const coll = mongo.db.collection('dups');
    await coll.insertMany([{ v: 1 }, { v: 1 }]);
    await expect(coll.createIndex({ v: 1 }, { unique: true })).rejects.toMatchObject({
      code: 11000,
    });
  });

  it('expires documents through a TTL index', async () => {
    const sessions = mongo.db.collection('ttl');
    await sessions.createIndex({ at: 1 }, { expireAfterSeconds: 0 });
    await sessions.insertMany([
      { at: new Date(Date.now() - 1000) },
      { at: [new Date(Date.now() + 60_000), new Date(0)] },
      { at: new Date(Date.now() + 60_000) },
      { at: 'not a date' },
    ]);
    for (let i = 0; i < 40 && (await sessions.countDocuments()) > 2; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await sessions.countDocuments()).toBe(2);
  });

  it('changes the TTL sweep interval through setParameter', async () => {
    const admin = mongo.client.db('admin');
    expect(await admin.command({ setParameter: 1, ttlMonitorSleepSecs: 2 })).toMatchObject({
      was: 1,
      ok: 1,
    });
    expect(await admin.command({ getParameter: 1, ttlMonitorSleepSecs: 1 })).toMatchObject({
      ttlMonitorSleepSecs: 2,
    });
    await admin.command({ setParameter: 1, ttlMonitorSleepSecs: 1 });
  });
});
