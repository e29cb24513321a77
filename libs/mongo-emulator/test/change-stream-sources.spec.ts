import type { ChangeStreamDocument } from 'mongodb';
import { nextEvents, openStream, type TestRecord } from './change-stream-helpers';
import { useEmulatorClient } from './emulator-client';

function kinds(events: ChangeStreamDocument[]): string[] {
  return events.map((event) => event.operationType);
}

describe('change events of writes other than CRUD commands', () => {
  const emulator = useEmulatorClient('sources', { emulator: { ttlMonitorSleepSecs: 1 } });
  let counter = 0;
  const fresh = () => emulator.db.collection<TestRecord>(`s${(counter += 1)}`);

  it('reports documents a TTL index expires as deletes', async () => {
    const sessions = fresh();
    await sessions.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    const stream = await openStream(sessions);

    await sessions.insertMany([
      { _id: 'old', expiresAt: new Date(Date.now() - 60_000) },
      { _id: 'live', expiresAt: new Date(Date.now() + 3_600_000) },
    ]);
    const [, , expired] = await nextEvents(stream, 3);

    expect(expired).toMatchObject({ operationType: 'delete', documentKey: { _id: 'old' } });
    await stream.close();
  });

  it('reports what $merge inserts, updates and replaces', async () => {
    const source = fresh();
    const target = fresh();
    await target.insertMany([
      { _id: 1, name: 'one', qty: 1 },
      { _id: 2, name: 'two', qty: 1 },
    ]);
    await source.insertMany([
      { _id: 1, qty: 5 },
      { _id: 3, qty: 1 },
    ]);
    const stream = await openStream(target);

    await source.aggregate([{ $merge: { into: target.collectionName } }]).toArray();
    await source
      .aggregate([
        { $match: { _id: 1 } },
        { $merge: { into: target.collectionName, whenMatched: 'replace' } },
      ])
      .toArray();
    const [merged, inserted, replaced] = await nextEvents(stream, 3);

    expect(merged).toMatchObject({
      operationType: 'update',
      updateDescription: { updatedFields: { qty: 5 }, removedFields: [] },
    });
    expect(inserted).toMatchObject({ operationType: 'insert', fullDocument: { _id: 3, qty: 1 } });
    expect(replaced).toMatchObject({ operationType: 'replace', fullDocument: { _id: 1, qty: 5 } });
    await stream.close();
  });

  it('reports $out as a temporary collection renamed over its target', async () => {
    const source = fresh();
    const target = fresh();
    await target.insertOne({ _id: 'previous' });
    await source.insertOne({ _id: 'fresh' });
    const onTarget = await openStream(target);
    const onDatabase = await openStream(emulator.db);

    await source.aggregate([{ $out: target.collectionName }]).toArray();

    expect(kinds(await nextEvents(onTarget, 2))).toEqual(['rename', 'invalidate']);
    const [insert, rename] = await nextEvents(onDatabase, 2);
    expect(insert).toMatchObject({
      operationType: 'insert',
      ns: { coll: expect.stringMatching(/^tmp\.agg_out\./) },
      fullDocument: { _id: 'fresh' },
    });
    expect(rename).toMatchObject({
      operationType: 'rename',
      to: { db: 'sources', coll: target.collectionName },
    });
    await onDatabase.close();
  });

  it('reports every operation of a bulk write in order', async () => {
    const orders = fresh();
    await orders.insertOne({ _id: 'a', n: 1 });
    const stream = await openStream(orders);

    await orders.bulkWrite([
      { insertOne: { document: { _id: 'b', n: 1 } } },
      { updateOne: { filter: { _id: 'a' }, update: { $inc: { n: 1 } } } },
      { replaceOne: { filter: { _id: 'b' }, replacement: { n: 9 } } },
      { deleteOne: { filter: { _id: 'a' } } },
    ]);

    expect(kinds(await nextEvents(stream, 4))).toEqual(['insert', 'update', 'replace', 'delete']);
    await stream.close();
  });
});
