import { MongoClient, type Db } from 'mongodb';
import { MongoEmulator } from '../emulator';

describe('administrative commands', () => {
  let emulator: MongoEmulator;
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    emulator = await MongoEmulator.start();
    client = await MongoClient.connect(emulator.uri, { appName: 'admin-spec' });
    db = client.db('admin_spec');
  });

  afterAll(async () => {
    await client.close();
    await emulator.stop();
  });

  it('creates, lists, renames and drops collections and databases', async () => {
    await db.createCollection('one');
    await expect(db.createCollection('one', { validator: { a: 1 } })).rejects.toMatchObject({
      code: 48,
      codeName: 'NamespaceExists',
    });
    await db.collection('two').insertOne({ a: 1 });
    expect(
      (await db.listCollections({}, { nameOnly: true }).toArray()).map((info) => info.name).sort(),
    ).toEqual(['one', 'two']);
    await db.collection('two').rename('three');
    expect(await db.collection('three').countDocuments()).toBe(1);
    await expect(db.collection('missing').rename('x')).rejects.toMatchObject({ code: 26 });
    expect(await db.collection('one').drop()).toBe(true);
    expect(
      (await client.db().admin().listDatabases()).databases.map((info) => info.name),
    ).toContain('admin_spec');
    await db.dropDatabase();
    expect(await db.listCollections().toArray()).toEqual([]);
  });

  it('serves reads through views and refuses writes to them', async () => {
    await db.collection('base').insertMany([{ n: 1 }, { n: 2 }, { n: 3 }]);
    await db.createCollection('big', { viewOn: 'base', pipeline: [{ $match: { n: { $gt: 1 } } }] });
    const view = db.collection('big');
    expect(await view.estimatedDocumentCount()).toBe(2);
    expect(
      await view
        .find({}, { projection: { _id: 0 } })
        .sort({ n: -1 })
        .toArray(),
    ).toEqual([{ n: 3 }, { n: 2 }]);
    expect((await db.listCollections({ name: 'big' }).toArray())[0]).toMatchObject({
      type: 'view',
    });
    await expect(view.insertOne({ n: 9 })).rejects.toMatchObject({ code: 166 });
  });

  it('validates documents with $jsonSchema and query validators (code 121)', async () => {
    await db.createCollection('people', {
      validator: {
        $jsonSchema: {
          bsonType: 'object',
          required: ['name'],
          properties: { name: { bsonType: 'string' }, age: { bsonType: 'int', minimum: 0 } },
        },
      },
    });
    const people = db.collection('people');
    await people.insertOne({ name: 'ann', age: 3 });
    await expect(people.insertOne({ age: 3 })).rejects.toMatchObject({
      code: 121,
      errInfo: expect.objectContaining({ failingDocumentId: expect.anything() }),
    });
    await expect(people.updateOne({ name: 'ann' }, { $set: { age: -1 } })).rejects.toMatchObject({
      code: 121,
    });
    await db.createCollection('stock', {
      validator: { qty: { $gte: 0 } },
      validationAction: 'error',
    });
    await expect(db.collection('stock').insertOne({ qty: -1 })).rejects.toMatchObject({
      code: 121,
    });
    await db.command({ collMod: 'stock', validationAction: 'warn' });
    await expect(db.collection('stock').insertOne({ qty: -1 })).resolves.toBeDefined();
  });

  it('fails commands through the failCommand fail point', async () => {
    const admin = client.db('admin');
    const coll = db.collection('failing');
    await admin.command({
      configureFailPoint: 'failCommand',
      mode: { times: 1 },
      data: { failCommands: ['find'], errorCode: 2, appName: 'admin-spec' },
    });
    await expect(coll.findOne({})).rejects.toMatchObject({ code: 2 });
    await expect(coll.findOne({})).resolves.toBeNull();
    await admin.command({
      configureFailPoint: 'failCommand',
      mode: { skip: 1 },
      data: { failCommands: ['count'], errorCode: 8 },
    });
    await expect(db.command({ count: 'failing' })).resolves.toMatchObject({ n: 0 });
    await expect(db.command({ count: 'failing' })).rejects.toMatchObject({ code: 8 });
    await admin.command({ configureFailPoint: 'failCommand', mode: 'off' });
    await admin.command({
      configureFailPoint: 'failCommand',
      mode: { times: 1 },
      data: { failCommands: ['insert'], writeConcernError: { code: 64, errmsg: 'waiting' } },
    });
    await expect(coll.insertOne({ a: 1 })).rejects.toMatchObject({ code: 64 });
    expect(await coll.countDocuments()).toBe(1);
    await admin.command({
      configureFailPoint: 'failCommand',
      mode: { times: 1 },
      data: { failCommands: ['ping'], closeConnection: true },
    });
    await expect(db.command({ ping: 1 })).rejects.toThrow();
    await expect(db.command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
  });

  it('accepts causal-consistency read concerns, comments and write concerns', async () => {
    const session = client.startSession({ causalConsistency: true });
    const coll = db.collection('causal');
    await coll.insertOne({ a: 1 }, { session, writeConcern: { w: 'majority' } });
    await expect(coll.findOne({ a: 1 }, { session, comment: 'why' })).resolves.toMatchObject({
      a: 1,
    });
    await session.endSession();
  });
});
