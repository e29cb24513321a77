import { Socket } from 'socket.io-client';
import { FactoryAccount } from '../factories/records.factory';
import { loginAs, useTestApp } from './auth';
import { ask, connectChat } from './chat-client';

/** Messages each user may send per minute in the chat specs. */
export const CHAT_RATE_LIMIT = 5;

/**
 * The chat specs' setup: the app with a low message limit, helpers that log an account in and
 * connect it, and every socket they opened closed after all.
 */
export function useChatSuite() {
  const suite = useTestApp({
    env: { SUPPORT_CHAT_RATE_LIMIT: String(CHAT_RATE_LIMIT), SUPPORT_CHAT_RATE_WINDOW: '60s' },
  });
  const sockets: Socket[] = [];

  async function tokenOf(account: FactoryAccount): Promise<string> {
    return (await loginAs(suite.testApp.http, account.username, account.password)).accessToken;
  }

  async function chatAs(account: FactoryAccount) {
    const token = await tokenOf(account);
    const socket = await connectChat(suite.testApp.app, token);
    sockets.push(socket);
    return { socket, token, account };
  }

  afterAll(() => {
    for (const socket of sockets) socket.disconnect();
  });

  return { suite, tokenOf, chatAs, openConversation };
}

/** Opens a conversation on `socket` and returns it with its first message. */
export async function openConversation(socket: Socket, text = 'My parcel has not arrived') {
  const ack = await ask(socket, 'conversation:open', { subject: 'Parcel', text });
  expect(ack.error).toBeUndefined();
  return ack.data as { conversation: { id: string }; message: { id: string } };
}
