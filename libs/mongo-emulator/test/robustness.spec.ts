import { createConnection } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Collection } from 'mongodb';
import type { EmulatorLogger } from '@kassa/mongo-emulator';
import { useEmulatorClient } from './emulator-client';

/** A session timeout of 60 ms, so that a test can outwait it. */
const TIMEOUT_MINUTES = 0.001;
const OUTWAIT_MS = 200;

const logged: Array<[string, unknown]> = [];
const logger: EmulatorLogger = { error: (message, error) => void logged.push([message, error]) };

interface Account {
  _id: string;
  balance: number;
}

describe('robustness', () => {
  const mongo = useEmulatorClient('robustness', {
    emulator: { logicalSessionTimeoutMinutes: TIMEOUT_MINUTES, logger },
  });
  const accounts = (): Collection<Account> => mongo.db.collection<Account>('accounts');

  beforeEach(async () => {
    logged.length = 0;
    await accounts().deleteMany({});
    await accounts().insertMany([
      { _id: 'a', balance: 1 },
      { _id: 'b', balance: 2 },
    ]);
  });

  describe('idle sessions', () => {
    it('expire after logicalSessionTimeoutMinutes, aborting their transaction', async () => {
      const session = mongo.client.startSession();
      session.startTransaction();
      await accounts().updateOne({ _id: 'a' }, { $inc: { balance: 100 } }, { session });

      await sleep(OUTWAIT_MS);
      await accounts().updateOne({ _id: 'a' }, { $inc: { balance: 10 } });

      await expect(session.commitTransaction()).rejects.toMatchObject({ code: 251 });
      await session.endSession();
      expect(await accounts().findOne({ _id: 'a' })).toEqual({ _id: 'a', balance: 11 });
    });

    it('close their cursors when they expire', async () => {
      const session = mongo.client.startSession();
      const cursor = accounts().find({}, { session, batchSize: 1 });
      await cursor.next();

      await sleep(OUTWAIT_MS);

      await expect(cursor.toArray()).rejects.toMatchObject({ code: 43 });
      await session.endSession();
    });

    it('are reported in hello with the configured timeout', async () => {
      const hello = await mongo.db.admin().command({ hello: 1 });
      expect(hello.logicalSessionTimeoutMinutes).toBe(TIMEOUT_MINUTES);
    });
  });

  it('logs a connection it closes because of an unreadable message', async () => {
    const host = new URL(mongo.uri.replace('mongodb://', 'http://'));
    const socket = createConnection(Number(host.port), host.hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    const header = Buffer.alloc(16);
    header.writeInt32LE(3, 0);
    socket.write(header);
    await new Promise((resolve) => socket.once('close', resolve));

    expect(logged).toEqual([
      [expect.stringMatching(/^connection \d+ closed: unreadable message$/), expect.any(Error)],
    ]);
  });

  it('refuses server-side JavaScript as not implemented', async () => {
    await expect(
      accounts()
        .aggregate([{ $project: { x: { $function: { body: 'return 1', args: [], lang: 'js' } } } }])
        .toArray(),
    ).rejects.toMatchObject({ code: 238, codeName: 'NotImplemented' });
    await expect(accounts().findOne({ $where: 'this.balance > 1' })).rejects.toMatchObject({
      code: 238,
    });
    expect(logged).toEqual([]);
  });
});
