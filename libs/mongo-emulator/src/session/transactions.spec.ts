import { MongoClient, type Collection } from 'mongodb';
import { MongoEmulator } from '../emulator';

describe('sessions and transactions', () => {
  let emulator: MongoEmulator;
  let client: MongoClient;
  let accounts: Collection<{ _id: string; balance: number; email?: string }>;

  beforeAll(async () => {
    emulator = await MongoEmulator.start();
    client = await MongoClient.connect(emulator.uri);
    accounts = client.db('bank').collection('accounts');
    await accounts.createIndex({ email: 1 }, { unique: true, sparse: true });
  });

  afterAll(async () => {
    await client.close();
    await emulator.stop();
  });

  beforeEach(async () => {
    await accounts.deleteMany({});
    await accounts.insertMany([
      { _id: 'a', balance: 100 },
      { _id: 'b', balance: 0 },
    ]);
  });

  it('makes writes visible to others only after commit and reads its own writes', async () => {
    const session = client.startSession();
    session.startTransaction();
    await accounts.updateOne({ _id: 'a' }, { $inc: { balance: -10 } }, { session });
    await accounts.insertOne({ _id: 'c', balance: 10 }, { session });
    expect(await accounts.findOne({ _id: 'a' }, { session })).toEqual({ _id: 'a', balance: 90 });
    expect(await accounts.countDocuments({})).toBe(2);
    await session.commitTransaction();
    await session.commitTransaction();
    expect(await accounts.countDocuments({})).toBe(3);
    expect(await accounts.findOne({ _id: 'a' })).toEqual({ _id: 'a', balance: 90 });
    await session.endSession();
  });

  it('leaves no trace of an aborted transaction', async () => {
    const session = client.startSession();
    session.startTransaction();
    await accounts.deleteOne({ _id: 'a' }, { session });
    await client.db('bank').collection('created').insertOne({ x: 1 }, { session });
    await session.abortTransaction();
    expect(await accounts.countDocuments({})).toBe(2);
    expect(await client.db('bank').listCollections({ name: 'created' }).toArray()).toEqual([]);
    await session.endSession();
  });

  it('reads a snapshot taken at the first operation', async () => {
    const session = client.startSession();
    session.startTransaction();
    expect(await accounts.findOne({ _id: 'b' }, { session })).toEqual({ _id: 'b', balance: 0 });
    await accounts.updateOne({ _id: 'b' }, { $set: { balance: 50 } });
    expect(await accounts.findOne({ _id: 'b' }, { session })).toEqual({ _id: 'b', balance: 0 });
    await session.abortTransaction();
    await session.endSession();
  });

  it('finds documents by an indexed field as of its snapshot', async () => {
    await accounts.updateOne({ _id: 'a' }, { $set: { email: 'old@x' } });
    const session = client.startSession();
    session.startTransaction();
    await accounts.findOne({ _id: 'b' }, { session });
    await accounts.updateOne({ _id: 'a' }, { $set: { email: 'new@x' } });
    expect(await accounts.findOne({ email: 'old@x' }, { session })).toMatchObject({ _id: 'a' });
    expect(await accounts.findOne({ email: 'new@x' }, { session })).toBeNull();
    await session.abortTransaction();
    await session.endSession();
  });

  it('fails the later of two conflicting writers with a transient WriteConflict', async () => {
    const first = client.startSession();
    const second = client.startSession();
    first.startTransaction();
    second.startTransaction();
    await accounts.updateOne({ _id: 'a' }, { $inc: { balance: 1 } }, { session: first });
    const conflict = await accounts
      .updateOne({ _id: 'a' }, { $inc: { balance: 1 } }, { session: second })
      .catch((e: unknown) => e);
    expect(conflict).toMatchObject({
      code: 112,
      codeName: 'WriteConflict',
      errorLabelSet: new Set(['TransientTransactionError']),
    });
    await expect(accounts.findOne({ _id: 'b' }, { session: second })).rejects.toMatchObject({
      code: 251,
    });
    await first.commitTransaction();
    await second.abortTransaction().catch(() => undefined);
    expect(await accounts.findOne({ _id: 'a' })).toEqual({ _id: 'a', balance: 101 });
    await first.endSession();
    await second.endSession();
  });

  it('lets withTransaction retry after a conflicting plain write', async () => {
    const session = client.startSession();
    let attempts = 0;
    await session.withTransaction(async () => {
      attempts += 1;
      await accounts.findOne({ _id: 'b' }, { session });
      if (attempts === 1) await accounts.updateOne({ _id: 'b' }, { $inc: { balance: 1 } });
      await accounts.updateOne({ _id: 'b' }, { $inc: { balance: 10 } }, { session });
    });
    expect(attempts).toBe(2);
    expect(await accounts.findOne({ _id: 'b' })).toEqual({ _id: 'b', balance: 11 });
    await session.endSession();
  });

  it('makes a plain write wait for the transaction holding the document', async () => {
    const session = client.startSession();
    session.startTransaction();
    await accounts.updateOne({ _id: 'a' }, { $inc: { balance: 5 } }, { session });
    const plain = accounts.updateOne({ _id: 'a' }, { $inc: { balance: 1000 } });
    await session.commitTransaction();
    await plain;
    expect(await accounts.findOne({ _id: 'a' })).toEqual({ _id: 'a', balance: 1105 });
    await session.endSession();
  });

  it('checks unique indexes against the transaction view and aborts on a duplicate', async () => {
    const session = client.startSession();
    session.startTransaction();
    await accounts.insertOne({ _id: 'x', balance: 0, email: 'e@x' }, { session });
    await expect(
      accounts.insertOne({ _id: 'y', balance: 0, email: 'e@x' }, { session }),
    ).rejects.toMatchObject({ code: 11000 });
    await expect(session.commitTransaction()).rejects.toMatchObject({ code: 251 });
    expect(await accounts.countDocuments({ email: 'e@x' })).toBe(0);
    await session.endSession();
  });

  it('judges unique keys by the committed end state, not the order of writes', async () => {
    await accounts.updateOne({ _id: 'a' }, { $set: { email: 'x' } });
    const session = client.startSession();
    session.startTransaction();
    await accounts.updateOne({ _id: 'a' }, { $set: { email: 'y' } }, { session });
    await accounts.insertOne({ _id: 'c', balance: 0, email: 'x' }, { session });
    await accounts.updateOne({ _id: 'a' }, { $set: { email: 'z' } }, { session });
    await session.commitTransaction();
    await session.endSession();
    expect(
      await accounts
        .find({ email: { $exists: true } })
        .sort({ _id: 1 })
        .toArray(),
    ).toEqual([
      { _id: 'a', balance: 100, email: 'z' },
      { _id: 'c', balance: 0, email: 'x' },
    ]);
  });

  it('does not apply a retried write twice', async () => {
    const session = client.startSession();
    const lsid = session.id;
    const db = client.db('bank');
    const command = {
      update: 'accounts',
      updates: [{ q: { _id: 'b' }, u: { $inc: { balance: 7 } } }],
      lsid,
      txnNumber: 1_000_000,
    };
    await db.command(command);
    const replay = await db.command(command);
    expect(replay).toMatchObject({ n: 1, nModified: 1 });
    expect(await accounts.findOne({ _id: 'b' })).toEqual({ _id: 'b', balance: 7 });
    await session.endSession();
  });

  it('answers NoSuchTransaction for an unknown transaction number', async () => {
    const session = client.startSession();
    const error = await client
      .db('admin')
      .command({ commitTransaction: 1, lsid: session.id, txnNumber: 77, autocommit: false })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 251,
      errorLabelSet: new Set(['TransientTransactionError']),
    });
    await session.endSession();
  });
});
