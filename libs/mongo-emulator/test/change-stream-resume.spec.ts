import { MongoClient, type Collection, type Document, type Long } from 'mongodb';
import {
  cursorIdsOf,
  nextEvents,
  openStream,
  type TestRecord,
  keyOf,
} from './change-stream-helpers';
import { useEmulatorClient } from './emulator-client';

const OPLOG_ENTRIES = 20;

/**
 * Driver 6.20 leaves the server-selection timer of a change stream's resume running to its end
 * (30 s by default), which would hold the test process open: a shorter one ends it sooner.
 */
const RESUME_SELECTION_TIMEOUT_MS = 2000;

describe('resuming change streams', () => {
  const emulator = useEmulatorClient('resume', {
    emulator: { oplogEntries: OPLOG_ENTRIES },
    client: { monitorCommands: true, serverSelectionTimeoutMS: RESUME_SELECTION_TIMEOUT_MS },
  });
  let counter = 0;
  const fresh = () => emulator.db.collection<TestRecord>(`r${(counter += 1)}`);

  /** A change stream opened by hand on `collection`, and its first getMore waiting `maxTimeMS`. */
  async function openAndGetMore(collection: Collection<TestRecord>, maxTimeMS: number) {
    const opened = await emulator.db.command({
      aggregate: collection.collectionName,
      pipeline: [{ $changeStream: {} }],
      cursor: {},
    });
    const cursorId = opened.cursor.id as Long;
    const getMore = emulator.db.command({
      getMore: cursorId,
      collection: collection.collectionName,
      maxTimeMS,
    });
    return { cursorId, getMore };
  }

  describe('from a position', () => {
    it('resumes after a received event with the events that followed it', async () => {
      const orders = fresh();
      const stream = await openStream(orders);
      await orders.insertMany([{ _id: 1 }, { _id: 2 }, { _id: 3 }]);
      const [first] = await nextEvents(stream, 1);
      await stream.close();

      const resumed = orders.watch([], { resumeAfter: first._id });

      expect((await nextEvents(resumed, 2)).map(keyOf)).toEqual([2, 3]);
      await resumed.close();
    });

    it('starts at an operation time, that write included', async () => {
      const orders = fresh();
      const session = emulator.client.startSession();
      await orders.insertOne({ _id: 'before' });
      await orders.insertOne({ _id: 'at' }, { session });
      await orders.insertOne({ _id: 'after' });

      const stream = orders.watch([], { startAtOperationTime: session.operationTime });

      expect((await nextEvents(stream, 2)).map(keyOf)).toEqual(['at', 'after']);
      await stream.close();
      await session.endSession();
    });

    it('resumes from the postBatchResumeToken of an empty batch with later writes only', async () => {
      const orders = fresh();
      await orders.insertOne({ _id: 'old' });
      const { cursorId, getMore } = await openAndGetMore(orders, 20);
      const empty = await getMore;
      await orders.insertOne({ _id: 'new' });

      expect(empty.cursor.nextBatch).toEqual([]);
      expect(empty.cursor.postBatchResumeToken).toEqual({ _data: expect.any(String) });
      const resumed = orders.watch([], { resumeAfter: empty.cursor.postBatchResumeToken });
      expect(await resumed.next()).toMatchObject({ documentKey: { _id: 'new' } });
      await resumed.close();
      await emulator.db.command({
        killCursors: orders.collectionName,
        cursors: [cursorId],
      });
    });

    it('refuses a point the bounded oplog no longer holds with ChangeStreamHistoryLost', async () => {
      const orders = fresh();
      const stream = await openStream(orders);
      await orders.insertOne({ _id: 0 });
      const [first] = await nextEvents(stream, 1);
      await stream.close();
      await orders.insertMany(
        Array.from({ length: OPLOG_ENTRIES + 1 }, (_, index) => ({ _id: index + 1 })),
      );

      const error = await orders
        .watch([], { resumeAfter: first._id })
        .next()
        .catch((caught: unknown) => caught);

      expect(error).toMatchObject({ code: 286, codeName: 'ChangeStreamHistoryLost' });
      expect((error as { errorLabels: string[] }).errorLabels).toContain(
        'NonResumableChangeStreamError',
      );
    });

    it('fails an open stream that fell behind what the oplog keeps', async () => {
      const orders = fresh();
      const stream = await openStream(orders);
      await orders.insertOne({ _id: 0 });
      await nextEvents(stream, 1);

      await orders.insertMany(
        Array.from({ length: OPLOG_ENTRIES + 1 }, (_, index) => ({ _id: index + 1 })),
      );
      await orders.insertOne({ _id: 'last' });

      await expect(stream.next()).rejects.toMatchObject({ code: 136 });
    });

    it('refuses a token of an event this stream never had', async () => {
      const orders = fresh();
      const other = fresh();
      const stream = await openStream(other);
      await other.insertOne({ _id: 'elsewhere' });
      const [foreign] = await nextEvents(stream, 1);
      await stream.close();

      await expect(orders.watch([], { resumeAfter: foreign._id }).next()).rejects.toMatchObject({
        code: 280,
      });
    });
  });

  describe('awaitData', () => {
    it('wakes a waiting getMore with a write made while it waits', async () => {
      const orders = fresh();
      const { cursorId, getMore: waiting } = await openAndGetMore(orders, 20_000);
      await new Promise((resolve) => setTimeout(resolve, 100));

      await orders.insertOne({ _id: 'while-waiting' });

      const { cursor } = await waiting;
      expect(cursor.nextBatch).toMatchObject([{ documentKey: { _id: 'while-waiting' } }]);
      expect(cursor.postBatchResumeToken._data >= cursor.nextBatch[0]._id._data).toBe(true);
      await emulator.db.command({
        killCursors: orders.collectionName,
        cursors: [cursorId],
      });
    });

    it('answers an idle getMore with an empty batch once maxTimeMS has passed', async () => {
      const orders = fresh();
      const stream = await openStream(orders);

      expect(await stream.tryNext()).toBeNull();
      expect(stream.resumeToken).toEqual({ _data: expect.any(String) });
      await stream.close();
    });

    it('ends a waiting getMore with CursorKilled when its cursor is killed', async () => {
      const orders = fresh();
      const { cursorId, getMore: waiting } = await openAndGetMore(orders, 60_000);

      const other = await MongoClient.connect(emulator.uri);
      await other.db('resume').command({ killCursors: orders.collectionName, cursors: [cursorId] });

      await expect(waiting).rejects.toMatchObject({ code: 237, codeName: 'CursorKilled' });
      await other.close();
    });
  });

  describe("the driver's automatic resume", () => {
    it('resumes after its cursor was killed on the server, losing no event', async () => {
      const orders = fresh();
      const cursorIds = cursorIdsOf(emulator.client);
      const stream = await openStream(orders);
      await orders.insertOne({ _id: 1 });
      await nextEvents(stream, 1);
      const other = await MongoClient.connect(emulator.uri);
      await other.db('resume').command({
        killCursors: orders.collectionName,
        cursors: [cursorIds[cursorIds.length - 1]],
      });
      await other.close();

      await orders.insertOne({ _id: 2 });

      expect(await stream.next()).toMatchObject({ documentKey: { _id: 2 } });
      expect(cursorIds.length).toBe(2);
      await stream.close();
    });

    it('resumes after a network error on getMore', async () => {
      const orders = fresh();
      const stream = await openStream(orders);
      await orders.insertOne({ _id: 1 });
      await nextEvents(stream, 1);
      await failNextGetMore({ closeConnection: true });

      await orders.insertOne({ _id: 2 });

      expect(await stream.next()).toMatchObject({ documentKey: { _id: 2 } });
      await orders.insertOne({ _id: 3 });
      expect(await stream.next()).toMatchObject({ documentKey: { _id: 3 } });
      await stream.close();
    });

    it('resumes after an error MongoDB labels ResumableChangeStreamError', async () => {
      const orders = fresh();
      const stream = await openStream(orders);
      await emulator.client.db('admin').command({
        configureFailPoint: 'failGetMoreAfterCursorCheckout',
        mode: { times: 1 },
        data: { errorCode: 6 },
      });

      await orders.insertOne({ _id: 1 });

      expect(await stream.next()).toMatchObject({ documentKey: { _id: 1 } });
      await stream.close();
    });

    it('does not resume after an error without that label', async () => {
      const orders = fresh();
      const stream = await openStream(orders);
      await failNextGetMore({ errorCode: 6 });

      await orders.insertOne({ _id: 1 });

      await expect(stream.next()).rejects.toMatchObject({ code: 6 });
    });
  });

  function failNextGetMore(data: Document): Promise<Document> {
    return emulator.client.db('admin').command({
      configureFailPoint: 'failCommand',
      mode: { times: 1 },
      data: { failCommands: ['getMore'], ...data },
    });
  }
});
