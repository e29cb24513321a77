import { JwtService } from '@nestjs/jwt';
import { accessTokenJwtOptions } from '../apps/api/src/access/access-token-key';
import { TestApp, testEnvironment } from './support';
import { bearer, loginAs, TEST_ADMIN } from './support/auth';
import { ask, nextEvent, openChat, recordEvents } from './support/chat-client';
import { useChatSuite } from './support/chat-suite';

describe('support chat over socket.io (e2e)', () => {
  const { suite, tokenOf, chatAs, openConversation } = useChatSuite();
  let testApp: TestApp;

  beforeAll(() => {
    testApp = suite.testApp;
  });

  describe('the handshake', () => {
    async function refusalOf(token: string | undefined) {
      const socket = openChat(testApp.app, token);
      try {
        return await new Promise<{ message: string; data: { error: Record<string, string> } }>(
          (resolve, reject) => {
            socket.once('connect', () => reject(new Error('connected')));
            socket.once('connect_error', (error) => resolve(error as never));
          },
        );
      } finally {
        socket.disconnect();
      }
    }

    it('refuses a connection without a token, saying how to send one', async () => {
      const refusal = await refusalOf(undefined);
      expect(refusal.data.error).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: expect.stringContaining('auth: { token }'),
        requestId: expect.any(String),
      });
    });

    it.each([
      ['a malformed token', 'not-a-jwt'],
      ['a token signed with another key', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
    ])('refuses %s', async (_label, token) => {
      const refusal = await refusalOf(token);
      expect(refusal.data.error.code).toBe('UNAUTHENTICATED');
      expect(refusal.message).toBe('Access token is invalid or expired');
    });

    it('refuses an expired token of a live session', async () => {
      const { accessToken } = await loginAs(testApp.http, TEST_ADMIN.username, TEST_ADMIN.password);
      const jwt = new JwtService(accessTokenJwtOptions(testEnvironment().JWT_SECRET));
      const claims = jwt.decode<Record<string, unknown>>(accessToken);
      const expired = jwt.sign(
        { role: claims.role, fid: claims.fid, sub: claims.sub, jti: 'x' },
        {
          expiresIn: -10,
        },
      );
      const refusal = await refusalOf(expired);
      expect(refusal.data.error).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'Access token is invalid or expired',
      });
    });

    it('refuses a token whose session was logged out', async () => {
      const token = await tokenOf(await suite.factory.customer());
      await testApp.http.post('/auth/logout').set('Authorization', bearer(token)).expect(204);
      const refusal = await refusalOf(token);
      expect(refusal.data.error).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'Access token has been revoked',
      });
    });

    it('ends a connected socket at its next message once its session is revoked', async () => {
      const { socket, token, account } = await chatAs(await suite.factory.customer());
      await testApp.http.post('/auth/logout').set('Authorization', bearer(token)).expect(204);
      const errorEvent = nextEvent(socket, 'error');
      const disconnected = nextEvent<string>(socket, 'disconnect');
      const ack = await ask(socket, 'conversation:open', { subject: 'Hi', text: 'Hello' });
      expect(ack.error?.code).toBe('UNAUTHENTICATED');
      expect(await errorEvent).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      expect(await disconnected).toBe('io server disconnect');
      expect(
        await testApp.connection
          .collection('support_conversations')
          .countDocuments({ customerId: account.id }),
      ).toBe(0);
    });
  });

  describe('a conversation about an order', () => {
    it("names one of the customer's orders, and never another customer's", async () => {
      const customer = await chatAs(await suite.factory.customer());
      const own = await suite.factory.paidOrder(customer.account.id);
      const other = await suite.factory.paidOrder((await suite.factory.customer()).id);
      const about = (orderId: string) =>
        ask(customer.socket, 'conversation:open', { subject: 'Order', text: 'Late', orderId });
      expect((await about(other.id)).error?.code).toBe('NOT_FOUND');
      const opened = await about(own.id);
      expect(opened.error).toBeUndefined();
      expect(opened.data).toMatchObject({ conversation: { orderId: own.id } });
    });
  });

  describe('a customer and a support user', () => {
    it('exchange messages, and the history over REST is what was said', async () => {
      const customer = await chatAs(await suite.factory.customer());
      const support = await chatAs(await suite.factory.support());
      const queued = nextEvent(support.socket, 'conversation:opened');
      const { conversation } = await openConversation(customer.socket);
      expect(await queued).toMatchObject({
        conversation: { id: conversation.id, status: 'open', customerId: customer.account.id },
        message: { sequence: 1, text: 'My parcel has not arrived' },
      });

      const claimedSeen = nextEvent(customer.socket, 'conversation:claimed');
      const claim = await ask(support.socket, 'conversation:claim', {
        conversationId: conversation.id,
      });
      expect(claim.data.conversation).toMatchObject({
        status: 'claimed',
        assigneeId: support.account.id,
      });
      expect(await claimedSeen).toMatchObject({ conversation: { status: 'claimed' } });

      const typingSeen = nextEvent(customer.socket, 'typing');
      await ask(support.socket, 'typing', { conversationId: conversation.id });
      expect(await typingSeen).toEqual({
        conversationId: conversation.id,
        userId: support.account.id,
        role: 'support',
      });

      const answerSeen = nextEvent<{ message: { authorRole: string } }>(
        customer.socket,
        'message:new',
        ({ message }) => message.authorRole === 'support',
      );
      const answer = await ask(support.socket, 'message:send', {
        conversationId: conversation.id,
        text: 'Let me check that for you.',
      });
      expect(answer.data.message).toMatchObject({ sequence: 2, authorRole: 'support' });
      expect(await answerSeen).toEqual({ message: answer.data.message });

      const replySeen = nextEvent<{ message: { text: string } }>(
        support.socket,
        'message:new',
        ({ message }) => message.text === 'Thank you!',
      );
      const reply = await ask(customer.socket, 'message:send', {
        conversationId: conversation.id,
        text: 'Thank you!',
      });
      expect(await replySeen).toEqual({ message: reply.data.message });

      const history = await testApp.http
        .get(`/support/conversations/${conversation.id}/messages`)
        .set('Authorization', bearer(customer.token))
        .expect(200);
      expect(history.body).toMatchObject({ total: 3, page: 1 });
      expect(history.body.items.map((m: { text: string }) => m.text)).toEqual([
        'My parcel has not arrived',
        'Let me check that for you.',
        'Thank you!',
      ]);
      expect(history.body.items[1]).toEqual(answer.data.message);

      const closedSeen = nextEvent(support.socket, 'conversation:closed');
      await testApp.http
        .post(`/support/conversations/${conversation.id}/close`)
        .set('Authorization', bearer(customer.token))
        .expect(200);
      expect(await closedSeen).toMatchObject({ conversation: { status: 'closed' } });
      const late = await ask(support.socket, 'message:send', {
        conversationId: conversation.id,
        text: 'Anything else?',
      });
      expect(late.error?.code).toBe('CONVERSATION_CLOSED');
    });

    it('lets only one support user claim a conversation', async () => {
      const customer = await chatAs(await suite.factory.customer());
      const first = await chatAs(await suite.factory.support());
      const second = await chatAs(await suite.factory.support());
      const { conversation } = await openConversation(customer.socket);
      const ref = { conversationId: conversation.id };
      const [a, b] = await Promise.all([
        ask(first.socket, 'conversation:claim', ref),
        ask(second.socket, 'conversation:claim', ref),
      ]);
      const codes = [a, b].map((ack) => ack.error?.code ?? ack.data.conversation.status).sort();
      expect(codes).toEqual(['CONVERSATION_CLAIMED', 'claimed']);
      const loser = a.error ? first : second;
      const refused = await ask(loser.socket, 'message:send', { ...ref, text: 'Me too' });
      expect(refused.error?.code).toBe('CONVERSATION_CLAIMED');
    });

    it('refuses customers claiming, and support users opening, conversations', async () => {
      const customer = await chatAs(await suite.factory.customer());
      const support = await chatAs(await suite.factory.support());
      const { conversation } = await openConversation(customer.socket);
      const claim = await ask(customer.socket, 'conversation:claim', {
        conversationId: conversation.id,
      });
      expect(claim.error?.code).toBe('FORBIDDEN');
      const open = await ask(support.socket, 'conversation:open', { subject: 'x', text: 'y' });
      expect(open.error?.code).toBe('FORBIDDEN');
    });
  });

  describe('another customer', () => {
    it('can neither join, read, write, type in nor close a conversation, nor overhear it', async () => {
      const owner = await chatAs(await suite.factory.customer());
      const other = await chatAs(await suite.factory.customer());
      const overheard = recordEvents(other.socket, 'message:new');
      const { conversation } = await openConversation(owner.socket, 'private matter');
      const ref = { conversationId: conversation.id };
      for (const [event, payload] of [
        ['conversation:join', ref],
        ['message:send', { ...ref, text: 'let me in' }],
        ['typing', ref],
        ['conversation:close', ref],
      ] as const) {
        const ack = await ask(other.socket, event, payload);
        expect([event, ack.error?.code]).toEqual([event, 'NOT_FOUND']);
      }
      const asOther = bearer(other.token);
      for (const path of [`/${conversation.id}`, `/${conversation.id}/messages`]) {
        await testApp.http
          .get(`/support/conversations${path}`)
          .set('Authorization', asOther)
          .expect(404);
      }
      await testApp.http
        .post(`/support/conversations/${conversation.id}/close`)
        .set('Authorization', asOther)
        .expect(404);
      const list = await testApp.http
        .get('/support/conversations')
        .set('Authorization', asOther)
        .expect(200);
      expect(JSON.stringify(list.body)).not.toContain(conversation.id);

      await ask(owner.socket, 'message:send', { ...ref, text: 'still private' });
      const ownerSeen = await ask(owner.socket, 'conversation:join', ref);
      expect(ownerSeen.data.conversation.messageCount).toBe(2);
      expect(overheard).toEqual([]);
      expect(await testApp.connection.collection('support_messages').countDocuments(ref)).toBe(2);
    });
  });
});
