import { connect } from 'node:net';
import { deserialize, serialize } from 'bson';
import { MongoClient, MongoServerError } from 'mongodb';
import { MongoEmulator } from './emulator';

function legacyHello(port: number): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const query = serialize({ isMaster: 1, helloOk: true });
    const name = Buffer.from('admin.$cmd\0');
    const fields = Buffer.alloc(8);
    fields.writeInt32LE(-1, 4);
    const header = Buffer.alloc(20);
    header.writeInt32LE(20 + name.length + fields.length + query.length, 0);
    header.writeInt32LE(7, 4);
    header.writeInt32LE(2004, 12);
    socket.write(Buffer.concat([header, name, fields, query]));
    let data = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      data = Buffer.concat([data, chunk]);
      if (data.length >= 4 && data.length >= data.readInt32LE(0)) {
        socket.destroy();
        expect(data.readInt32LE(8)).toBe(7);
        expect(data.readInt32LE(12)).toBe(1);
        resolve(deserialize(data.subarray(36)));
      }
    });
    socket.on('error', reject);
  });
}

describe(MongoEmulator.name, () => {
  let emulator: MongoEmulator;
  let client: MongoClient;

  beforeAll(async () => {
    emulator = await MongoEmulator.start();
    client = await MongoClient.connect(emulator.uri);
  });

  afterAll(async () => {
    await client.close();
    await emulator.stop();
  });

  it('presents itself as the primary of a one-node MongoDB 7.0 replica set', async () => {
    const hello = await client.db('admin').command({ hello: 1 });
    expect(hello).toMatchObject({
      setName: 'rs0',
      hosts: [`127.0.0.1:${emulator.port}`],
      primary: `127.0.0.1:${emulator.port}`,
      me: `127.0.0.1:${emulator.port}`,
      isWritablePrimary: true,
      secondary: false,
      maxWireVersion: 21,
      minWireVersion: 0,
      logicalSessionTimeoutMinutes: 30,
      maxWriteBatchSize: 100000,
      ok: 1,
    });
    expect(hello.topologyVersion).toBeDefined();
    expect(hello.$clusterTime).toBeDefined();
    expect(emulator.uri).toBe(`mongodb://127.0.0.1:${emulator.port}/?replicaSet=rs0`);
  });

  it('answers the legacy OP_QUERY handshake with an OP_REPLY', async () => {
    const reply = await legacyHello(emulator.port);
    expect(reply).toMatchObject({
      ismaster: true,
      helloOk: true,
      setName: 'rs0',
      maxWireVersion: 21,
    });
  });

  it('reports a 7.0 build and answers ping', async () => {
    const info = await client.db('admin').command({ buildInfo: 1 });
    expect(info.version).toMatch(/^7\.0\./);
    expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
  });

  it('rejects an unknown command with CommandNotFound', async () => {
    const error = await client
      .db('admin')
      .command({ frobnicate: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({
      code: 59,
      codeName: 'CommandNotFound',
      message: "no such command: 'frobnicate'",
    });
  });

  it('handles unacknowledged writes', async () => {
    const collection = client.db('wire').collection('fireAndForget');
    await collection.insertOne({ a: 1 }, { writeConcern: { w: 0 } });
    await expect(collection.countDocuments({ a: 1 })).resolves.toBe(1);
  });

  it('refuses an oplog that keeps no entry', async () => {
    await expect(MongoEmulator.start({ oplogEntries: 0 })).rejects.toThrow(
      'oplogEntries must be a positive integer',
    );
  });

  it('closes client connections on stop', async () => {
    const other = await MongoEmulator.start();
    const otherClient = await MongoClient.connect(other.uri, { serverSelectionTimeoutMS: 500 });
    await other.stop();
    await expect(otherClient.db('admin').command({ ping: 1 })).rejects.toThrow();
    await otherClient.close();
  });
});
