import type { Collection, Document } from 'mongodb';

type Loose = { _id: number | string; [field: string]: unknown };
import { useEmulatorClient } from './emulator-client';

/** The index an explained find walks, if any. */
async function indexUsed(
  collection: Collection<Loose>,
  filter: Document,
): Promise<string | undefined> {
  const explained = await collection.find(filter).explain('queryPlanner');
  for (let stage = explained.queryPlanner.winningPlan; stage; stage = stage.inputStage)
    if (stage.indexName) return stage.indexName as string;
  return undefined;
}

describe('index maintenance', () => {
  const mongo = useEmulatorClient('maintenance', { emulator: { ttlMonitorSleepSecs: 1 } });

  it('moves keys on update and drops them on delete and on a failed unique write', async () => {
    const users = mongo.db.collection<Loose>('users');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertMany([
      { _id: 1, email: 'a@x' },
      { _id: 2, email: 'b@x' },
    ]);
    await users.updateOne({ _id: 1 }, { $set: { email: 'c@x' } });
    await expect(users.updateOne({ _id: 2 }, { $set: { email: 'c@x' } })).rejects.toMatchObject({
      code: 11000,
    });
    await users.deleteOne({ _id: 2 });
    expect(await indexUsed(users, { email: 'c@x' })).toBe('email_1');
    expect(await users.find({ email: { $gte: 'a' } }).toArray()).toEqual([
      { _id: 1, email: 'c@x' },
    ]);
    expect(await users.countDocuments({ email: 'a@x' })).toBe(0);
    expect(await users.countDocuments({ email: 'b@x' })).toBe(0);
    await users.insertOne({ _id: 3, email: 'b@x' });
    expect(await users.countDocuments({ email: { $in: ['b@x', 'c@x'] } })).toBe(2);
  });

  it('follows a field that becomes an array and back, and refuses parallel arrays', async () => {
    const items = mongo.db.collection<Loose>('items');
    await items.createIndex({ tags: 1, size: 1 });
    await items.insertOne({ _id: 1, tags: 'x', size: 1 });
    await items.updateOne({ _id: 1 }, { $set: { tags: ['x', 'y'] } });
    expect(await items.find({ tags: 'y' }).toArray()).toEqual([
      { _id: 1, tags: ['x', 'y'], size: 1 },
    ]);
    const multikey = await items.find({ tags: 'y' }).explain('queryPlanner');
    expect(multikey.queryPlanner.winningPlan.inputStage.isMultiKey).toBe(true);
    await items.updateOne({ _id: 1 }, { $set: { tags: 'z' } });
    expect(await items.countDocuments({ tags: 'y' })).toBe(0);
    const single = await items.find({ tags: 'z' }).explain('queryPlanner');
    expect(single.queryPlanner.winningPlan.inputStage.isMultiKey).toBe(false);
    await expect(items.insertOne({ _id: 2, tags: ['a'], size: [1, 2] })).rejects.toMatchObject({
      code: 171,
      codeName: 'CannotIndexParallelArrays',
    });
    expect(await items.countDocuments({})).toBe(1);
  });

  it('keeps partial and sparse indexes to the documents they cover', async () => {
    const orders = mongo.db.collection<Loose>('orders');
    await orders.createIndex({ total: 1 }, { partialFilterExpression: { paid: true } });
    await orders.createIndex({ coupon: 1 }, { sparse: true });
    await orders.insertMany([
      { _id: 1, total: 10, paid: true, coupon: 'A' },
      { _id: 2, total: 20, paid: false },
      { _id: 3, total: 30, paid: true },
    ]);
    await orders.updateOne({ _id: 2 }, { $set: { paid: true, coupon: 'B' } });
    expect(await indexUsed(orders, { paid: true, total: { $gte: 15 } })).toBe('total_1');
    expect(
      (await orders.find({ paid: true, total: { $gte: 15 } }).toArray()).map((o) => o._id),
    ).toEqual([2, 3]);
    expect(await orders.countDocuments({ coupon: { $gte: 'A' } })).toBe(2);
  });

  it('drops the keys of documents the TTL monitor deletes', async () => {
    const sessions = mongo.db.collection<Loose>('sessions');
    await sessions.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    await sessions.insertMany([
      { _id: 'old', expiresAt: new Date(Date.now() - 1_000) },
      { _id: 'new', expiresAt: new Date(Date.now() + 3_600_000) },
    ]);
    for (let tries = 0; tries < 40 && (await sessions.countDocuments({})) > 1; tries++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await sessions.find({ expiresAt: { $gt: new Date(0) } }).toArray()).toEqual([
      { _id: 'new', expiresAt: expect.any(Date) },
    ]);
  });
});
