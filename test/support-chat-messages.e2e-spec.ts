import { TestApp } from './support';
import { ask } from './support/chat-client';
import { CHAT_RATE_LIMIT, useChatSuite } from './support/chat-suite';

describe('support chat messages (e2e)', () => {
  const { suite, chatAs, openConversation } = useChatSuite();
  let testApp: TestApp;

  beforeAll(() => {
    testApp = suite.testApp;
  });

  describe('messages', () => {
    it.each([
      ['an empty text', { text: '' }, 'text'],
      ['a blank text', { text: ' \n ' }, 'text'],
      ['2,001 characters', { text: 'a'.repeat(2001) }, 'text'],
      ['a control character', { text: 'bell\u0007' }, 'text'],
      ['an operator for the id', { conversationId: { $gt: '' } }, 'conversationId'],
      ['an operator for the text', { text: { $ne: null } }, 'text'],
      ['an unknown field', { html: '<b>x</b>' }, 'html'],
    ])('refuses %s, naming the field', async (_label, change, field) => {
      const customer = await chatAs(await suite.factory.customer());
      const { conversation } = await openConversation(customer.socket);
      const ack = await ask(customer.socket, 'message:send', {
        conversationId: conversation.id,
        text: 'fine',
        ...change,
      });
      expect(ack.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: expect.arrayContaining([expect.objectContaining({ field })]),
        requestId: expect.any(String),
      });
    });

    it('refuses a payload that is not an object', async () => {
      const customer = await chatAs(await suite.factory.customer());
      const ack = await ask(customer.socket, 'message:send', 'hello');
      expect(ack.error?.code).toBe('VALIDATION_FAILED');
    });

    it('accepts exactly 2,000 characters, and keeps markup as the text it is', async () => {
      const customer = await chatAs(await suite.factory.customer());
      const { conversation } = await openConversation(customer.socket);
      const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
      for (const text of ['b'.repeat(2000), markup]) {
        const ack = await ask(customer.socket, 'message:send', {
          conversationId: conversation.id,
          text,
        });
        expect(ack.data.message.text).toBe(text);
      }
      const stored = await testApp.connection
        .collection('support_messages')
        .findOne({ conversationId: conversation.id, sequence: 3 });
      expect(stored?.text).toBe(markup);
    });

    it(`limits each user to ${CHAT_RATE_LIMIT} messages per window, whatever the socket`, async () => {
      const account = await suite.factory.customer();
      const first = await chatAs(account);
      const second = await chatAs(account);
      const { conversation } = await openConversation(first.socket);
      const results: string[] = [];
      for (let index = 0; index < CHAT_RATE_LIMIT; index++) {
        const socket = index % 2 === 0 ? second.socket : first.socket;
        const ack = await ask(socket, 'message:send', {
          conversationId: conversation.id,
          text: `message ${index}`,
        });
        results.push(ack.error?.code ?? 'sent');
      }
      expect(results).toEqual([...Array(CHAT_RATE_LIMIT - 1).fill('sent'), 'RATE_LIMITED']);
      const stored = await testApp.connection
        .collection('support_messages')
        .countDocuments({ conversationId: conversation.id });
      expect(stored).toBe(CHAT_RATE_LIMIT);
      expect(
        await testApp.connection
          .collection('rate_limit_counters')
          .countDocuments({ _id: `support-chat:${account.id}` as never }),
      ).toBe(1);
    });
  });
});
