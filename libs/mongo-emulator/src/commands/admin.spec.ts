import { useEmulatorClient } from '../../test/emulator-client';

describe('administrative commands', () => {
  const mongo = useEmulatorClient('admin_spec', { client: { appName: 'admin-spec' } });

  it('creates, lists, renames and drops collections and databases', async () => {
    await mongo.db.createCollection('one');
    await expect(mongo.db.createCollection('one', { validator: { a: 1 } })).rejects.toMatchObject({
      code: 48,
      codeName: 'NamespaceExists',
    });
    await mongo.db.collection('two').insertOne({ a: 1 });
    expect(
      (await mongo.db.listCollections({}, { nameOnly: true }).toArray())
        .map((info) => info.name)
        .sort(),
    ).toEqual(['one', 'two']);
    await mongo.db.collection('two').rename('three');
    expect(await mongo.db.collection('three').countDocuments()).toBe(1);
    await expect(mongo.db.collection('missing').rename('x')).rejects.toMatchObject({ code: 26 });
    expect(await mongo.db.collection('one').drop()).toBe(true);
    expect(
      (await mongo.client.db().admin().listDatabases()).databases.map((info) => info.name),
    ).toContain('admin_spec');
    await mongo.db.dropDatabase();
    expect(await mongo.db.listCollections().toArray()).toEqual([]);
  });

  it('serves reads through views and refuses writes to them', async () => {
    await mongo.db.collection('base').insertMany([{ n: 1 }, { n: 2 }, { n: 3 }]);
    await mongo.db.createCollection('big', {
      viewOn: 'base',
      pipeline: [{ $match: { n: { $gt: 1 } } }],
    });
    const view = mongo.db.collection('big');
    expect(await view.estimatedDocumentCount()).toBe(2);
    expect(
      await view
        .find({}, { projection: { _id: 0 } })
        .sort({ n: -1 })
        .toArray(),
    ).toEqual([{ n: 3 }, { n: 2 }]);
    expect((await mongo.db.listCollections({ name: 'big' }).toArray())[0]).toMatchObject({
      type: 'view',
    });
    await expect(view.insertOne({ n: 9 })).rejects.toMatchObject({ code: 166 });
  });

  it('validates documents with $jsonSchema and query validators (code 121)', async () => {
    await mongo.db.createCollection('people', {
      validator: {
        $jsonSchema: {
          bsonType: 'object',
          required: ['name'],
          properties: { name: { bsonType: 'string' }, age: { bsonType: 'int', minimum: 0 } },
        },
      },
    });
    const people = mongo.db.collection('people');
    await people.insertOne({ name: 'ann', age: 3 });
    await expect(people.insertOne({ age: 3 })).rejects.toMatchObject({
      code: 121,
      errInfo: expect.objectContaining({ failingDocumentId: expect.anything() }),
    });
    await expect(people.updateOne({ name: 'ann' }, { $set: { age: -1 } })).rejects.toMatchObject({
      code: 121,
    });
    await mongo.db.createCollection('stock', {
      validator: { qty: { $gte: 0 } },
      validationAction: 'error',
    });
    await expect(mongo.db.collection('stock').insertOne({ qty: -1 })).rejects.toMatchObject({
      code: 121,
    });
    await mongo.db.command({ collMod: 'stock', validationAction: 'warn' });
    await expect(mongo.db.collection('stock').insertOne({ qty: -1 })).resolves.toBeDefined();
  });

  it('fails commands through the failCommand fail point', async () => {
    const admin = mongo.client.db('admin');
    const coll = mongo.db.collection('failing');
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
    await expect(mongo.db.command({ count: 'failing' })).resolves.toMatchObject({ n: 0 });
    await expect(mongo.db.command({ count: 'failing' })).rejects.toMatchObject({ code: 8 });
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
    await expect(mongo.db.command({ ping: 1 })).rejects.toThrow();
    await expect(mongo.db.command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
  });

  it('accepts causal-consistency read concerns, comments and write concerns', async () => {
    const session = mongo.client.startSession({ causalConsistency: true });
    const coll = mongo.db.collection('causal');
    await coll.insertOne({ a: 1 }, { session, writeConcern: { w: 'majority' } });
    await expect(coll.findOne({ a: 1 }, { session, comment: 'why' })).resolves.toMatchObject({
      a: 1,
    });
    await session.endSession();
  });
});
