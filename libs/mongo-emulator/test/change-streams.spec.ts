import {
  MongoServerError,
  Timestamp,
  type ChangeStreamInsertDocument,
  type ChangeStreamUpdateDocument,
} from 'mongodb';
import { keyOf, nextEvents, openStream, type TestRecord } from './change-stream-helpers';
import { useEmulatorClient } from './emulator-client';

describe('change streams through the driver', () => {
  const emulator = useEmulatorClient('streams');
  let counter = 0;
  /** A collection no other test writes to. */
  const fresh = () => emulator.db.collection<TestRecord>(`c${(counter += 1)}`);

  describe('events', () => {
    it('reports an insert with the document, its key, namespace and cluster time', async () => {
      const orders = fresh();
      const stream = await openStream<ChangeStreamInsertDocument>(orders);
      const session = emulator.client.startSession();

      await orders.insertOne({ _id: 'o1', total: 12 }, { session });
      const event = await stream.next();

      expect(event).toEqual({
        _id: { _data: expect.any(String) },
        operationType: 'insert',
        clusterTime: session.operationTime,
        wallTime: expect.any(Date),
        fullDocument: { _id: 'o1', total: 12 },
        ns: { db: 'streams', coll: orders.collectionName },
        documentKey: { _id: 'o1' },
      });
      expect(event.clusterTime).toBeInstanceOf(Timestamp);
      await session.endSession();
      await stream.close();
    });

    it('describes updates by the fields they set, remove and truncate', async () => {
      const orders = fresh();
      await orders.insertOne({ _id: 'o1', status: 'new', note: 'x', lines: [1, 2, 3] });
      const stream = await openStream<ChangeStreamUpdateDocument>(orders);

      await orders.updateOne(
        { _id: 'o1' },
        { $set: { status: 'paid', 'payment.ref': 'p-1' }, $unset: { note: '' } },
      );
      await orders.updateOne({ _id: 'o1' }, [{ $set: { lines: [1] } }]);
      const [operators, pipeline] = await nextEvents(stream, 2);

      expect(operators).toMatchObject({
        operationType: 'update',
        documentKey: { _id: 'o1' },
        updateDescription: {
          updatedFields: { status: 'paid', payment: { ref: 'p-1' } },
          removedFields: ['note'],
          truncatedArrays: [],
        },
      });
      expect(operators).not.toHaveProperty('fullDocument');
      expect(pipeline.updateDescription).toEqual({
        updatedFields: {},
        removedFields: [],
        truncatedArrays: [{ field: 'lines', newSize: 1 }],
      });
      await stream.close();
    });

    it('reports a replacement with the new document and a delete with the key only', async () => {
      const orders = fresh();
      await orders.insertOne({ _id: 'o1', status: 'new' });
      const stream = await openStream(orders);

      await orders.replaceOne({ _id: 'o1' }, { status: 'archived' });
      await orders.deleteOne({ _id: 'o1' });
      const [replace, remove] = await nextEvents(stream, 2);

      expect(replace).toMatchObject({
        operationType: 'replace',
        fullDocument: { _id: 'o1', status: 'archived' },
        documentKey: { _id: 'o1' },
      });
      expect(remove).toMatchObject({ operationType: 'delete', documentKey: { _id: 'o1' } });
      expect(remove).not.toHaveProperty('fullDocument');
      await stream.close();
    });

    it('reports nothing for a write that changes nothing, and an upsert as an insert', async () => {
      const orders = fresh();
      await orders.insertOne({ _id: 'o1', status: 'new' });
      const stream = await openStream(orders);

      await orders.updateOne({ _id: 'o1' }, { $set: { status: 'new' } });
      await orders.deleteOne({ _id: 'missing' });
      await orders.updateOne({ _id: 'o2' }, { $set: { status: 'new' } }, { upsert: true });

      expect(await stream.next()).toMatchObject({
        operationType: 'insert',
        fullDocument: { _id: 'o2', status: 'new' },
      });
      await stream.close();
    });

    it('reports every document of a multi-document write, in order, each at its own time', async () => {
      const orders = fresh();
      const stream = await openStream(orders);

      await orders.insertMany([{ _id: 1 }, { _id: 2 }]);
      await orders.updateMany({}, { $set: { seen: true } });
      await orders.findOneAndDelete({ _id: 1 });
      const events = await nextEvents(stream, 5);

      expect(events.map((event) => [event.operationType, keyOf(event)])).toEqual([
        ['insert', 1],
        ['insert', 2],
        ['update', 1],
        ['update', 2],
        ['delete', 1],
      ]);
      const times = events.map((event) => (event as { clusterTime: Timestamp }).clusterTime);
      for (let index = 1; index < times.length; index++)
        expect(times[index].greaterThan(times[index - 1])).toBe(true);
      await stream.close();
    });
  });

  describe('what a stream watches', () => {
    it('sees on a collection only that collection', async () => {
      const orders = fresh();
      const other = fresh();
      const stream = await openStream(orders);

      await other.insertOne({ _id: 'elsewhere' });
      await emulator.client
        .db('other')
        .collection<TestRecord>(orders.collectionName)
        .insertOne({ _id: 'x' });
      await orders.insertOne({ _id: 'here' });

      expect(await stream.next()).toMatchObject({ documentKey: { _id: 'here' } });
      await stream.close();
    });

    it('sees on a database every collection of it, and on the client every database', async () => {
      const orders = fresh();
      const database = await openStream(emulator.db);
      const cluster = await openStream(emulator.client);

      await orders.insertOne({ _id: 'a' });
      await emulator.client
        .db('billing')
        .collection<TestRecord>('invoices')
        .insertOne({ _id: 'b' });
      await emulator.db.collection<TestRecord>('payments').insertOne({ _id: 'c' });

      expect((await nextEvents(database, 2)).map(keyOf)).toEqual(['a', 'c']);
      expect(
        (await nextEvents(cluster, 3)).map((event) => ('ns' in event ? event.ns : {})),
      ).toEqual([
        { db: 'streams', coll: orders.collectionName },
        { db: 'billing', coll: 'invoices' },
        { db: 'streams', coll: 'payments' },
      ]);
      await database.close();
      await cluster.close();
    });
  });

  describe('fullDocument', () => {
    it('looks up the current document for an update with updateLookup', async () => {
      const orders = fresh();
      await orders.insertMany([{ _id: 'kept' }, { _id: 'gone' }]);
      const stream = await openStream(orders, [], { fullDocument: 'updateLookup' });

      await orders.updateOne({ _id: 'kept' }, { $set: { step: 1 } });
      await orders.updateOne({ _id: 'kept' }, { $set: { step: 2 } });
      await orders.updateOne({ _id: 'gone' }, { $set: { step: 1 } });
      await orders.deleteOne({ _id: 'gone' });
      const [first, second, third] = await nextEvents(stream, 3);

      expect(first).toMatchObject({ fullDocument: { _id: 'kept', step: 2 } });
      expect(second).toMatchObject({ fullDocument: { _id: 'kept', step: 2 } });
      expect(third).toMatchObject({ operationType: 'update', fullDocument: null });
      await stream.close();
    });

    it('gives post- and pre-images where the collection records them', async () => {
      const orders = fresh();
      await emulator.db.createCollection(orders.collectionName, {
        changeStreamPreAndPostImages: { enabled: true },
      });
      await orders.insertOne({ _id: 'o1', status: 'new' });
      const stream = await openStream(orders, [], {
        fullDocument: 'required',
        fullDocumentBeforeChange: 'required',
      });

      await orders.updateOne({ _id: 'o1' }, { $set: { status: 'paid' } });
      await orders.updateOne({ _id: 'o1' }, { $set: { status: 'shipped' } });
      await orders.deleteOne({ _id: 'o1' });
      const [paid, shipped, deleted] = await nextEvents(stream, 3);

      expect(paid).toMatchObject({
        fullDocument: { status: 'paid' },
        fullDocumentBeforeChange: { status: 'new' },
      });
      expect(shipped).toMatchObject({
        fullDocument: { status: 'shipped' },
        fullDocumentBeforeChange: { status: 'paid' },
      });
      expect(deleted).toMatchObject({ fullDocumentBeforeChange: { status: 'shipped' } });
      await stream.close();
    });

    it('gives null where images are not recorded, or fails when they are required', async () => {
      const orders = fresh();
      await orders.insertOne({ _id: 'o1' });
      const available = await openStream(orders, [], {
        fullDocument: 'whenAvailable',
        fullDocumentBeforeChange: 'whenAvailable',
      });
      const required = await openStream(orders, [], { fullDocumentBeforeChange: 'required' });

      await orders.updateOne({ _id: 'o1' }, { $set: { status: 'paid' } });

      expect(await available.next()).toMatchObject({
        fullDocument: null,
        fullDocumentBeforeChange: null,
      });
      await expect(required.next()).rejects.toMatchObject({ code: 47 });
      await available.close();
      await required.close();
    });

    it('turns images on and off with collMod', async () => {
      const orders = fresh();
      await orders.insertOne({ _id: 'o1', n: 0 });
      const stream = await openStream(orders, [], { fullDocumentBeforeChange: 'whenAvailable' });

      await emulator.db.command({
        collMod: orders.collectionName,
        changeStreamPreAndPostImages: { enabled: true },
      });
      await orders.updateOne({ _id: 'o1' }, { $inc: { n: 1 } });

      expect(await stream.next()).toMatchObject({ fullDocumentBeforeChange: { _id: 'o1', n: 0 } });
      await stream.close();
    });
  });

  describe('stages after $changeStream', () => {
    it('filters events by operationType and reshapes them', async () => {
      const orders = fresh();
      const stream = await openStream(orders, [
        { $match: { operationType: { $in: ['insert', 'replace'] } } },
        { $project: { operationType: 1, total: '$fullDocument.total' } },
      ]);

      await orders.insertOne({ _id: 'o1', total: 5 });
      await orders.updateOne({ _id: 'o1' }, { $set: { total: 6 } });
      await orders.replaceOne({ _id: 'o1' }, { total: 7 });

      expect(await nextEvents(stream, 2)).toEqual([
        { _id: expect.anything(), operationType: 'insert', total: 5 },
        { _id: expect.anything(), operationType: 'replace', total: 7 },
      ]);
      await stream.close();
    });

    it('refuses an event whose resume token a stage removed', async () => {
      const orders = fresh();
      const stream = await openStream(orders, [{ $project: { _id: 0 } }]);

      await orders.insertOne({ _id: 'o1' });

      const error = await stream.next().catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 280, codeName: 'ChangeStreamFatalError' });
      expect((error as { errorLabels: string[] }).errorLabels).toContain(
        'NonResumableChangeStreamError',
      );
    });

    it('refuses at opening the stages a change stream cannot run, unknown and malformed ones', async () => {
      const orders = fresh();

      await expect(openStream(orders, [{ $group: { _id: null } }])).rejects.toMatchObject({
        code: 20,
        message: '$group is not permitted in a $changeStream pipeline',
      });
      await expect(openStream(orders, [{ $unsupported: 1 }])).rejects.toMatchObject({
        code: 40324,
      });
      await expect(openStream(orders, [{ $project: { a: 0, b: 1 } }])).rejects.toBeInstanceOf(
        MongoServerError,
      );
    });
  });
});
