import type { ChangeStreamDocument } from 'mongodb';
import { nextEvents, openStream, type TestRecord } from './change-stream-helpers';
import { useEmulatorClient } from './emulator-client';

describe('change streams and transactions', () => {
  const emulator = useEmulatorClient('txn-streams');
  let counter = 0;
  const fresh = () => emulator.db.collection<TestRecord>(`t${(counter += 1)}`);

  it('shows the writes of a transaction only once it commits, in order, with its session', async () => {
    const orders = fresh();
    const stock = fresh();
    await stock.insertOne({ _id: 'mug', count: 5 });
    const stream = await openStream(emulator.db);
    const session = emulator.client.startSession();

    session.startTransaction();
    await orders.insertOne({ _id: 'o1', sku: 'mug' }, { session });
    await stock.updateOne({ _id: 'mug' }, { $inc: { count: -1 } }, { session });
    const beforeCommit = await stream.tryNext();
    await session.commitTransaction();
    const events = await nextEvents(stream, 2);

    expect(beforeCommit).toBeNull();
    expect(events.map((event) => event.operationType)).toEqual(['insert', 'update']);
    for (const event of events) {
      expect(event).toMatchObject({
        txnNumber: 1,
        lsid: { id: session.id!.id, uid: expect.anything() },
      });
      expect(event.clusterTime).toEqual(events[0].clusterTime);
    }
    expect(events[1]).toMatchObject({
      updateDescription: { updatedFields: { count: 4 } },
    });
    await session.endSession();
    await stream.close();
  });

  it('shows nothing of an aborted transaction', async () => {
    const orders = fresh();
    const stream = await openStream(orders);
    const session = emulator.client.startSession();

    session.startTransaction();
    await orders.insertOne({ _id: 'abandoned' }, { session });
    await session.abortTransaction();
    await orders.insertOne({ _id: 'kept' });

    expect(await stream.next()).toMatchObject({ documentKey: { _id: 'kept' } });
    await session.endSession();
    await stream.close();
  });

  it('shows every write to one document within a transaction, each as it was', async () => {
    const orders = fresh();
    const stream = await openStream(orders);

    await emulator.client.withSession((session) =>
      session.withTransaction(async () => {
        await orders.insertOne({ _id: 'o1', status: 'new' }, { session });
        await orders.updateOne({ _id: 'o1' }, { $set: { status: 'paid' } }, { session });
        await orders.deleteOne({ _id: 'o1' }, { session });
      }),
    );
    const events = await nextEvents(stream, 3);

    expect(events.map(summary)).toEqual([
      ['insert', { _id: 'o1', status: 'new' }],
      ['update', { status: 'paid' }],
      ['delete', undefined],
    ]);
    await stream.close();
  });

  it('resumes within a transaction after the event last received', async () => {
    const orders = fresh();
    const stream = await openStream(orders);
    await emulator.client.withSession((session) =>
      session.withTransaction(() =>
        orders.insertMany([{ _id: 1 }, { _id: 2 }, { _id: 3 }], { session }),
      ),
    );
    const [, second] = await nextEvents(stream, 2);
    await stream.close();

    const resumed = orders.watch([], { resumeAfter: second._id });

    expect(await resumed.next()).toMatchObject({ documentKey: { _id: 3 } });
    await resumed.close();
  });
});

function summary(event: ChangeStreamDocument): [string, unknown] {
  if (event.operationType === 'insert') return ['insert', event.fullDocument];
  if (event.operationType === 'update') return ['update', event.updateDescription.updatedFields];
  return [event.operationType, undefined];
}
