import { createAdapter } from '@socket.io/mongo-adapter';
import { MongoEmulator } from '@kassa/mongo-emulator';
import { MongoClient } from 'mongodb';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';

const EVENTS_COLLECTION = 'socket.io-adapter-events';

/** One API instance: its own driver client, HTTP server and socket.io server on the adapter. */
interface RelayNode {
  io: Server;
  url: string;
  close(): Promise<void>;
}

async function startNode(uri: string): Promise<RelayNode> {
  const client = await MongoClient.connect(uri);
  const events = client.db('relay').collection(EVENTS_COLLECTION);
  const http = createServer();
  const io = new Server(http, { adapter: createAdapter(events, { addCreatedAtField: true }) });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    io,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise((resolve) => io.close(resolve));
      await client.close();
    },
  };
}

function received<T>(register: (resolve: (value: T) => void) => void): Promise<T> {
  return new Promise(register);
}

/**
 * Sends `serverSideEmit('warm-up')` from `from` until `to` hears one: by then the receiving
 * adapter's change stream is open (it starts watching only after its first command).
 */
async function untilRelaying(from: RelayNode, to: RelayNode): Promise<void> {
  let heard = false;
  to.io.on('warm-up', () => (heard = true));
  while (!heard) {
    from.io.serverSideEmit('warm-up');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('socket.io servers relaying through @socket.io/mongo-adapter on the emulator', () => {
  let emulator: MongoEmulator;
  let first: RelayNode;
  let second: RelayNode;
  let browser: Socket;

  beforeAll(async () => {
    emulator = await MongoEmulator.start();
    const setup = await MongoClient.connect(emulator.uri);
    await setup
      .db('relay')
      .collection(EVENTS_COLLECTION)
      .createIndex({ createdAt: 1 }, { expireAfterSeconds: 3600 });
    await setup.close();
    first = await startNode(emulator.uri);
    second = await startNode(emulator.uri);
    await untilRelaying(first, second);
    await untilRelaying(second, first);
    browser = connect(second.url, { transports: ['websocket'] });
    await received((resolve) => browser.on('connect', () => resolve(undefined)));
  });

  afterAll(async () => {
    browser?.disconnect();
    await first?.close();
    await second?.close();
    await emulator?.stop();
  });

  it('delivers a broadcast from one server to a client connected to the other', async () => {
    const message = received<unknown>((resolve) => browser.once('announcement', resolve));

    first.io.emit('announcement', { text: 'closing at 18:00' });

    await expect(message).resolves.toEqual({ text: 'closing at 18:00' });
  });

  it('delivers a serverSideEmit to the other server with its arguments', async () => {
    const heard = received<unknown[]>((resolve) =>
      second.io.on('conversation-closed', (...args) => resolve(args)),
    );

    first.io.serverSideEmit('conversation-closed', 'c-42', { by: 'agent-7' });

    await expect(heard).resolves.toEqual(['c-42', { by: 'agent-7' }]);
  });

  it('delivers a message sent to a room to the members connected to the other server', async () => {
    second.io.on('connection', (socket) =>
      socket.on('join', (room: string, done: () => void) => {
        void socket.join(room);
        done();
      }),
    );
    const member = connect(second.url, { transports: ['websocket'] });
    await member.emitWithAck('join', 'conversation:c-7');
    const message = received<unknown>((resolve) => member.once('message', resolve));

    first.io.to('conversation:c-7').emit('message', { body: 'Hello' });

    await expect(message).resolves.toEqual({ body: 'Hello' });
    member.disconnect();
  });
});
