import { Timestamp, type ChangeStreamDocument, type Document } from 'mongodb';
import { nextEvents, openStream, type TestRecord } from './change-stream-helpers';
import { useEmulatorClient } from './emulator-client';

describe('change streams: drops, renames, invalidate and refusals', () => {
  const emulator = useEmulatorClient('catalog-streams');
  let counter = 0;
  /** A collection no other test writes to. */
  const fresh = () => emulator.db.collection<TestRecord>(`c${(counter += 1)}`);
  describe('drops, renames and invalidate', () => {
    it('ends a collection stream with drop and invalidate', async () => {
      const orders = fresh();
      await orders.insertOne({ _id: 'o1' });
      const stream = await openStream(orders);

      await orders.drop();
      const events = await nextEvents(stream, 2);

      expect(events.map((event) => event.operationType)).toEqual(['drop', 'invalidate']);
      expect(events[1]).toEqual({
        _id: { _data: expect.any(String) },
        operationType: 'invalidate',
        clusterTime: expect.any(Timestamp),
        wallTime: expect.any(Date),
      });
      expect(await stream.hasNext()).toBe(false);
      expect(stream.closed).toBe(true);
    });

    it('reports a rename with its target, invalidating the renamed collection only', async () => {
      const orders = fresh();
      await orders.insertOne({ _id: 'o1' });
      const target = `${orders.collectionName}-archive`;
      const collection = await openStream(orders);
      const database = await openStream(emulator.db);

      await orders.rename(target);
      await emulator.db.collection<TestRecord>(target).insertOne({ _id: 'o2' });

      const [rename, invalidate] = await nextEvents(collection, 2);
      expect(rename).toMatchObject({
        operationType: 'rename',
        ns: { db: 'catalog-streams', coll: orders.collectionName },
        to: { db: 'catalog-streams', coll: target },
      });
      expect(invalidate.operationType).toBe('invalidate');
      expect((await nextEvents(database, 2)).map((event) => event.operationType)).toEqual([
        'rename',
        'insert',
      ]);
      await database.close();
    });

    it('reports a database drop to the streams on it and on the client', async () => {
      const shop = emulator.client.db('dropped-shop');
      await shop.collection<TestRecord>('orders').insertOne({ _id: 1 });
      const collection = await openStream(shop.collection<TestRecord>('orders'));
      const database = await openStream(shop);
      const cluster = await openStream(emulator.client);

      await shop.dropDatabase();
      await emulator.db.collection<TestRecord>('after-drop').insertOne({ _id: 'later' });

      const kinds = (events: ChangeStreamDocument[]) => events.map((e) => e.operationType);
      expect(kinds(await nextEvents(collection, 2))).toEqual(['drop', 'invalidate']);
      expect(kinds(await nextEvents(database, 3))).toEqual(['drop', 'dropDatabase', 'invalidate']);
      expect(kinds(await nextEvents(cluster, 3))).toEqual(['drop', 'dropDatabase', 'insert']);
      await cluster.close();
    });

    it('starts after an invalidate with startAfter, and refuses resumeAfter there', async () => {
      const orders = fresh();
      await orders.insertOne({ _id: 'o1' });
      const stream = await openStream(orders);
      await orders.drop();
      const [, invalidate] = await nextEvents(stream, 2);

      await orders.insertOne({ _id: 'recreated' });
      const restarted = orders.watch([], { startAfter: invalidate._id });

      expect(await restarted.next()).toMatchObject({
        operationType: 'insert',
        documentKey: { _id: 'recreated' },
      });
      await restarted.close();
      const resumed = orders.watch([], { resumeAfter: invalidate._id });
      await expect(resumed.next()).rejects.toMatchObject({ code: 260 });
    });
  });

  describe('refusals', () => {
    it('refuses the internal databases, views and transactions as 7.0 does', async () => {
      await expect(openStream(emulator.client.db('admin'))).rejects.toMatchObject({ code: 73 });
      await expect(openStream(emulator.client.db('local'))).rejects.toMatchObject({ code: 73 });
      await emulator.db.createCollection('order-view', { viewOn: 'orders', pipeline: [] });
      await expect(
        openStream(emulator.db.collection<TestRecord>('order-view')),
      ).rejects.toMatchObject({
        code: 166,
      });
      const session = emulator.client.startSession();
      session.startTransaction();
      await expect(
        emulator.db
          .collection<TestRecord>('orders')
          .aggregate([{ $changeStream: {} }], { session })
          .toArray(),
      ).rejects.toMatchObject({ code: 263 });
      await session.abortTransaction();
      await session.endSession();
    });

    it('checks the options of $changeStream', async () => {
      const orders = fresh();
      const opened = (options: Document) =>
        emulator.db.command({
          aggregate: orders.collectionName,
          pipeline: [{ $changeStream: options }],
          cursor: {},
        });

      await expect(opened({ colour: 'blue' })).rejects.toMatchObject({ code: 40415 });
      await expect(opened({ fullDocument: 'sometimes' })).rejects.toMatchObject({ code: 2 });
      await expect(opened({ showExpandedEvents: true })).rejects.toMatchObject({ code: 238 });
      const token = (await openStream(orders)).resumeToken;
      await expect(
        opened({ resumeAfter: token, startAtOperationTime: new Timestamp({ t: 1, i: 1 }) }),
      ).rejects.toMatchObject({ code: 40674 });
      await expect(opened({ resumeAfter: { _data: 'not issued here' } })).rejects.toMatchObject({
        code: 260,
      });
      await expect(
        emulator.db.command({
          aggregate: 1,
          pipeline: [{ $match: {} }, { $changeStream: {} }],
          cursor: {},
        }),
      ).rejects.toMatchObject({ code: 40602 });
    });
  });
});
