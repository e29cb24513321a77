import { createConnection } from 'mongoose';
import { EMULATOR_REFUSED_IN_PRODUCTION, resolveMongoTarget } from './mongo-target';

const LOCAL = { dbName: 'kassa', serverSelectionTimeoutMs: 1000, connectRetries: 0 };

describe(resolveMongoTarget.name, () => {
  it('uses MONGODB_URI when it is set, starting nothing', async () => {
    const target = await resolveMongoTarget({
      uri: 'mongodb://db.example:27017/?replicaSet=rs0',
      dbName: 'kassa',
      production: true,
      serverSelectionTimeoutMs: 1000,
      connectRetries: 0,
    });
    expect(target).toMatchObject({
      uri: 'mongodb://db.example:27017/?replicaSet=rs0',
      embedded: false,
    });
  });

  it('refuses the emulator in production', async () => {
    await expect(resolveMongoTarget({ ...LOCAL, production: true })).rejects.toThrow(
      EMULATOR_REFUSED_IN_PRODUCTION,
    );
  });

  it('starts an in-process emulator otherwise, and stops it', async () => {
    const target = await resolveMongoTarget({ ...LOCAL, production: false });
    expect(target.embedded).toBe(true);
    const connection = await createConnection(target.uri, { dbName: 'kassa' }).asPromise();
    try {
      expect(await connection.db!.command({ ping: 1 })).toMatchObject({ ok: 1 });
    } finally {
      await connection.close();
      await target.stop();
    }
    await expect(
      createConnection(target.uri, { serverSelectionTimeoutMS: 500 }).asPromise(),
    ).rejects.toThrow();
  });
});
