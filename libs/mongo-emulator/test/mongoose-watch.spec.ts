import type { EventEmitter } from 'node:events';
import { once } from 'node:events';
import type { ChangeStreamDocument, Document } from 'mongodb';
import { aProduct, type Product } from './product.model';
import { useProductsDatabase } from './products-database';

/** The change events a stream emits, read in order as they come. */
interface Changes {
  next(): Promise<ChangeStreamDocument<Product>>;
  close(): Promise<void>;
}

/**
 * `Model.watch()` in event mode, as a job uses it: resolves once the stream's aggregate has
 * answered (its first resume token), so that writes from then on show in it.
 */
async function watching(stream: EventEmitter & { close(): Promise<unknown> }): Promise<Changes> {
  const queued: ChangeStreamDocument<Product>[] = [];
  const waiting: Array<(event: ChangeStreamDocument<Product>) => void> = [];
  stream.on('change', (event: ChangeStreamDocument<Product>) => {
    const reader = waiting.shift();
    if (reader) reader(event);
    else queued.push(event);
  });
  await once(stream, 'resumeTokenChanged');
  return {
    next: () =>
      queued.length > 0
        ? Promise.resolve(queued.shift()!)
        : new Promise((resolve) => waiting.push(resolve)),
    close: async () => void (await stream.close()),
  };
}

describe('Model.watch() through Mongoose', () => {
  const db = useProductsDatabase('mongoose-watch');
  const options = { maxAwaitTimeMS: 50 };

  it("reports the creation, update and deletion of the model's documents", async () => {
    const changes = await watching(
      db.products.watch([], { ...options, fullDocument: 'updateLookup' }),
    );

    await db.products.create(aProduct({ _id: 'mug', stock: 3 }));
    await db.products.updateOne({ _id: 'mug' }, { $inc: { stock: -1 } });
    await db.products.deleteOne({ _id: 'mug' });

    expect(await changes.next()).toMatchObject({
      operationType: 'insert',
      fullDocument: { _id: 'mug', stock: 3, name: 'Mug' },
    });
    const update = await changes.next();
    expect(update).toMatchObject({
      operationType: 'update',
      documentKey: { _id: 'mug' },
      fullDocument: { stock: 2 },
      updateDescription: { updatedFields: { stock: 2, updatedAt: expect.any(Date) } },
    });
    expect(await changes.next()).toMatchObject({ operationType: 'delete' });
    await changes.close();
  });

  it('filters the events with a $match on operationType', async () => {
    const changes = await watching(
      db.products.watch([{ $match: { operationType: 'update' } }], options),
    );

    await db.products.create(aProduct({ _id: 'cup', stock: 1 }));
    await db.products.updateOne({ _id: 'cup' }, { $set: { name: 'Cup' } });

    expect(await changes.next()).toMatchObject({
      operationType: 'update',
      updateDescription: { updatedFields: { name: 'Cup' } },
    });
    await changes.close();
  });

  it('hydrates the full document into a model instance on request', async () => {
    const changes = await watching(db.products.watch([], { ...options, hydrate: true }));

    await db.products.create(aProduct({ _id: 'plate' }));
    const event = await changes.next();

    expect(event.operationType === 'insert' && event.fullDocument).toBeInstanceOf(db.products);
    await changes.close();
  });

  it('resumes after the resume token of an event', async () => {
    const changes = await watching(db.products.watch([], options));
    await db.products.create([aProduct({ _id: 'first' }), aProduct({ _id: 'second' })]);
    const first = await changes.next();
    await changes.close();

    const resumed = await watching(db.products.watch([], { ...options, resumeAfter: first._id }));

    expect(await resumed.next()).toMatchObject({ documentKey: { _id: 'second' } });
    await resumed.close();
  });

  it("shows a transaction's writes together once it commits", async () => {
    const changes = await watching(db.products.watch([], options));

    await db.connection.transaction(async (session) => {
      await db.products.create([aProduct({ _id: 'bowl' })], { session });
      await db.products.updateOne({ _id: 'bowl' }, { $inc: { stock: 5 } }, { session });
    });
    const events = [await changes.next(), await changes.next()];

    expect(events.map((event) => event.operationType)).toEqual(['insert', 'update']);
    const transactionOf = (event: Document) => [event.lsid, event.txnNumber];
    expect(transactionOf(events[1])).toEqual(transactionOf(events[0]));
    expect(events[0]).toHaveProperty('txnNumber');
    await changes.close();
  });
});
