import { ClientSession } from 'mongoose';
import { aProduct } from './product.model';
import { useProductsDatabase } from './products-database';

/** Resolves once both parties have arrived. */
function twoPartyBarrier(): { arrive(): Promise<void> } {
  let arrived = 0;
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    arrive: () => {
      arrived += 1;
      if (arrived === 2) release();
      return released;
    },
  };
}

describe('MongoEmulator transactions through Mongoose', () => {
  const db = useProductsDatabase('mongoose-transactions');

  it('makes writes visible only after commit', async () => {
    await db.connection.transaction(async (session: ClientSession) => {
      await db.products.create([aProduct({ _id: 'a' }), aProduct({ _id: 'b' })], {
        session,
        ordered: true,
      });
      await db.products.updateOne({ _id: 'a' }, { $set: { stock: 1 } }, { session });

      expect(await db.products.countDocuments({})).toBe(0);
      expect(await db.products.countDocuments({}).session(session)).toBe(2);
    });

    expect(await db.products.countDocuments({})).toBe(2);
    expect(await db.products.findById('a').lean()).toMatchObject({ stock: 1 });
  });

  it('leaves nothing behind when the transaction is aborted', async () => {
    await db.products.create(aProduct({ _id: 'kept', stock: 5 }));

    const failure = await db.connection
      .transaction(async (session: ClientSession) => {
        await db.products.create([aProduct({ _id: 'discarded' })], { session });
        await db.products.updateOne({ _id: 'kept' }, { $inc: { stock: -5 } }, { session });
        throw new Error('changed my mind');
      })
      .catch((error: Error) => error);

    expect(failure).toEqual(new Error('changed my mind'));
    expect(await db.products.find().lean()).toEqual([
      expect.objectContaining({ _id: 'kept', stock: 5 }),
    ]);
  });

  it('aborts explicitly with abortTransaction', async () => {
    const session = await db.connection.startSession();
    session.startTransaction();
    await db.products.create([aProduct({ _id: 'never' })], { session });
    await session.abortTransaction();
    await session.endSession();

    expect(await db.products.countDocuments({ _id: 'never' })).toBe(0);
  });

  it('retries a write conflict so that both concurrent transactions apply exactly once', async () => {
    await db.products.create(aProduct({ _id: 'contended', stock: 10 }));
    const bothHaveRead = twoPartyBarrier();
    let attempts = 0;
    const decrement = (by: number) =>
      db.connection.transaction(async (session: ClientSession) => {
        attempts += 1;
        const firstAttempt = attempts <= 2;
        await db.products.findById('contended').session(session).lean();
        if (firstAttempt) await bothHaveRead.arrive();
        await db.products.updateOne({ _id: 'contended' }, { $inc: { stock: -by } }, { session });
      });

    await Promise.all([decrement(1), decrement(2)]);

    expect(attempts).toBeGreaterThanOrEqual(3);
    expect(await db.products.findById('contended').lean()).toMatchObject({ stock: 7 });
  });
});
