import { randomBytes } from 'node:crypto';
import { Socket } from 'socket.io-client';
import { MongoEmulator } from '@kassa/mongo-emulator';
import { createTestApp, TestApp } from './support';
import { authTestEnvironment, bearer, loginAs } from './support/auth';
import { ask, connectChat, nextEvent } from './support/chat-client';
import { SmtpSink } from './support/smtp';
import { Factory } from './factories/records.factory';

/**
 * Two API instances on one database, as behind a load balancer: the chat events of one reach
 * the sockets connected to the other through the MongoDB relay (`SUPPORT_CHAT_RELAY=mongodb`,
 * which refuses to start where the database serves no change streams). The database is
 * `MONGODB_URI` when set, else an emulator of the spec's own.
 */
describe('support chat across two API instances (e2e)', () => {
  let database: MongoEmulator | undefined;
  let smtp: SmtpSink;
  let first: TestApp;
  let second: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    const uri = process.env.MONGODB_URI ?? (database = await MongoEmulator.start()).uri;
    smtp = await SmtpSink.start();
    const env = {
      ...authTestEnvironment(smtp),
      MONGODB_URI: uri,
      MONGODB_DB_NAME: `kassa_relay_${randomBytes(4).toString('hex')}`,
      SUPPORT_CHAT_RELAY: 'mongodb',
    };
    first = await createTestApp({ env });
    second = await createTestApp({ env });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await second?.close();
    await first?.close();
    await smtp?.stop();
    await database?.stop();
  });

  async function chatOn(instance: TestApp, role: 'customer' | 'support') {
    const factory = new Factory(instance.connection);
    const account = await (role === 'customer' ? factory.customer() : factory.support());
    const { accessToken } = await loginAs(instance.http, account.username, account.password);
    const socket = await connectChat(instance.app, accessToken);
    sockets.push(socket);
    return { socket, token: accessToken, account };
  }

  it('relays the queue, claims and messages between sockets on different instances', async () => {
    const customer = await chatOn(first, 'customer');
    const support = await chatOn(second, 'support');

    const queued = nextEvent(support.socket, 'conversation:opened');
    const opened = await ask(customer.socket, 'conversation:open', {
      subject: 'Two instances',
      text: 'Hello from the first instance',
    });
    const conversationId: string = opened.data.conversation.id;
    expect(await queued).toMatchObject({ conversation: { id: conversationId } });

    const claimed = nextEvent(customer.socket, 'conversation:claimed');
    await ask(support.socket, 'conversation:claim', { conversationId });
    expect(await claimed).toMatchObject({ conversation: { assigneeId: support.account.id } });

    const answer = nextEvent<{ message: { authorRole: string } }>(
      customer.socket,
      'message:new',
      ({ message }) => message.authorRole === 'support',
    );
    const sent = await ask(support.socket, 'message:send', {
      conversationId,
      text: 'Hello from the second instance',
    });
    expect(await answer).toEqual({ message: sent.data.message });

    const reply = nextEvent<{ message: { text: string } }>(
      support.socket,
      'message:new',
      ({ message }) => message.text === 'Thanks',
    );
    const replied = await ask(customer.socket, 'message:send', { conversationId, text: 'Thanks' });
    expect(await reply).toEqual({ message: replied.data.message });

    const history = await second.http
      .get(`/support/conversations/${conversationId}/messages`)
      .set('Authorization', bearer(customer.token))
      .expect(200);
    expect(history.body.items.map((message: { text: string }) => message.text)).toEqual([
      'Hello from the first instance',
      'Hello from the second instance',
      'Thanks',
    ]);

    const closed = nextEvent(customer.socket, 'conversation:closed');
    await second.http
      .post(`/support/conversations/${conversationId}/close`)
      .set('Authorization', bearer(support.token))
      .expect(200);
    expect(await closed).toMatchObject({ conversation: { status: 'closed' } });
  });
});
