import type { ChangeStreamDocument, Collection, Document } from 'mongodb';
import { keyOf, nextEvents, openStream, type TestRecord } from './change-stream-helpers';
import { useEmulatorClient } from './emulator-client';

type Event = ChangeStreamDocument<TestRecord>;

/** The index the winning plan of an explained command walks, if any. */
function indexIn(explained: Document): string | undefined {
  for (let stage = explained.queryPlanner.winningPlan; stage; stage = stage.inputStage)
    if (stage.indexName) return stage.indexName as string;
  return undefined;
}

const PRODUCTS: TestRecord[] = [
  { _id: 1, sku: 'a1', category: 'a', price: 10 },
  { _id: 2, sku: 'a2', category: 'a', price: 20 },
  { _id: 3, sku: 'a3', category: 'a', price: 30 },
  { _id: 4, sku: 'b1', category: 'b', price: 15 },
  { _id: 5, sku: 'b2', category: 'b', price: 25 },
];

describe('writes chosen through indexes, seen by change streams', () => {
  const emulator = useEmulatorClient('indexed-streams');
  let counter = 0;

  async function products(): Promise<Collection<TestRecord>> {
    const collection = emulator.db.collection<TestRecord>(`p${(counter += 1)}`);
    await collection.createIndex({ category: 1, price: -1 });
    await collection.createIndex({ sku: 1 }, { unique: true });
    await collection.insertMany(PRODUCTS.map((product) => ({ ...product })));
    return collection;
  }

  it('records each write of a planned update, findOneAndUpdate and delete, and the index follows', async () => {
    const collection = await products();
    const rangeUpdate = await emulator.db.command({
      explain: {
        update: collection.collectionName,
        updates: [{ q: { category: 'a', price: { $gte: 20 } }, u: { $inc: { price: 5 } } }],
      },
    });
    const stream = await openStream(collection);

    await collection.updateMany({ category: 'a', price: { $gte: 20 } }, { $inc: { price: 5 } });
    await collection.findOneAndUpdate(
      { category: 'b' },
      { $set: { sku: 'b9' } },
      { sort: { price: -1 } },
    );
    await collection.deleteOne({ sku: 'a1' });
    const events: Event[] = await nextEvents(stream, 4);

    expect(indexIn(rangeUpdate)).toBe('category_1_price_-1');
    expect(events.map((event) => [event.operationType, keyOf(event)])).toEqual([
      ['update', 3],
      ['update', 2],
      ['update', 5],
      ['delete', 1],
    ]);
    expect(
      events.slice(0, 3).map((event) => 'updateDescription' in event && event.updateDescription),
    ).toEqual([
      { updatedFields: { price: 35 }, removedFields: [], truncatedArrays: [] },
      { updatedFields: { price: 25 }, removedFields: [], truncatedArrays: [] },
      { updatedFields: { sku: 'b9' }, removedFields: [], truncatedArrays: [] },
    ]);
    expect(await collection.find({ category: 'a', price: { $gt: 20 } }).toArray()).toEqual([
      { _id: 3, sku: 'a3', category: 'a', price: 35 },
      { _id: 2, sku: 'a2', category: 'a', price: 25 },
    ]);
    expect(await collection.countDocuments({ sku: { $in: ['a1', 'b2'] } })).toBe(0);
    expect(await collection.countDocuments({ sku: 'b9' })).toBe(1);
    await stream.close();
  });

  it('shows at commit the writes a transaction found through its own index keys', async () => {
    const collection = await products();
    const stream = await openStream(collection);
    const session = emulator.client.startSession();

    session.startTransaction();
    await collection.updateMany(
      { category: 'a', price: { $lt: 25 } },
      { $set: { category: 'c' } },
      { session },
    );
    await collection.updateMany({ category: 'c' }, { $inc: { price: 1 } }, { session });
    await collection.insertOne({ _id: 6, sku: 'c1', category: 'c', price: 1 }, { session });
    const beforeCommit = await stream.tryNext();
    await session.commitTransaction();
    const events: Event[] = await nextEvents(stream, 5);

    expect(beforeCommit).toBeNull();
    expect(events.map((event) => [event.operationType, keyOf(event)])).toEqual([
      ['update', 2],
      ['update', 1],
      ['update', 2],
      ['update', 1],
      ['insert', 6],
    ]);
    for (const event of events)
      expect(event).toMatchObject({
        lsid: { id: session.id!.id },
        txnNumber: events[0].txnNumber,
        clusterTime: events[0].clusterTime,
      });
    expect(await collection.find({ category: 'c' }, { sort: { price: -1 } }).toArray()).toEqual([
      { _id: 2, sku: 'a2', category: 'c', price: 21 },
      { _id: 1, sku: 'a1', category: 'c', price: 11 },
      { _id: 6, sku: 'c1', category: 'c', price: 1 },
    ]);
    await session.endSession();
    await stream.close();
  });

  it('leaves the stream and the index untouched by an aborted transaction', async () => {
    const collection = await products();
    const stream = await openStream(collection);
    const session = emulator.client.startSession();

    session.startTransaction();
    await collection.updateMany({ category: 'b' }, { $set: { category: 'z' } }, { session });
    await collection.deleteMany({ sku: { $gte: 'a' } }, { session });
    await session.abortTransaction();
    await collection.updateOne({ sku: 'b1' }, { $set: { price: 16 } });

    expect(await stream.next()).toMatchObject({ operationType: 'update', documentKey: { _id: 4 } });
    expect(await collection.countDocuments({ category: 'z' })).toBe(0);
    expect(await collection.countDocuments({ category: 'b', price: { $gt: 0 } })).toBe(2);
    expect(await collection.countDocuments({ sku: { $gte: 'a' } })).toBe(5);
    await session.endSession();
    await stream.close();
  });

  it('records $merge on an indexed field as updates and inserts, and keeps the index true', async () => {
    const target = await products();
    const source = emulator.db.collection<TestRecord>(`p${(counter += 1)}`);
    await source.insertMany([
      { _id: 'x', sku: 'a2', price: 99 },
      { _id: 'y', sku: 'n1', category: 'n', price: 7 },
    ]);
    const stream = await openStream(target);

    await source
      .aggregate([
        { $project: { _id: 0 } },
        { $merge: { into: target.collectionName, on: 'sku', whenMatched: 'merge' } },
      ])
      .toArray();
    const [updated, inserted] = await nextEvents(stream, 2);

    expect(updated).toMatchObject({
      operationType: 'update',
      documentKey: { _id: 2 },
      updateDescription: { updatedFields: { price: 99 }, removedFields: [] },
    });
    expect(inserted).toMatchObject({ operationType: 'insert', fullDocument: { sku: 'n1' } });
    expect(await target.find({ category: 'a', price: { $gte: 50 } }).toArray()).toEqual([
      { _id: 2, sku: 'a2', category: 'a', price: 99 },
    ]);
    expect(await target.countDocuments({ sku: 'n1', category: 'n' })).toBe(1);
    await stream.close();
  });
});
