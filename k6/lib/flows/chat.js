import { check, group } from 'k6';
import { Trend } from 'k6/metrics';
import ws from 'k6/ws';
import { get } from '../api.js';
import { BASE_URL } from '../config.js';
import { customerToken } from '../session.js';
import { answer } from '../shop-api.js';
import { disconnectPacket, socketUrl, speakSocketIo } from '../socket-io.js';

const NAMESPACE = '/support';
const GREETING = 'Hello';
const QUESTION = 'Where is my parcel?';
/** How long one conversation may take before the socket is closed and the check fails. */
const CONVERSATION_TIMEOUT_MS = 10000;

/** From an event sent to its acknowledgement, in milliseconds. */
const acknowledgement = new Trend('support_chat_ack_duration', true);

/**
 * Over one socket: connect to `/support` with the token, open a conversation, write in it and
 * close it, each step checked on its acknowledgement. Answers the conversation id when all went.
 *
 * @param {string} token
 * @returns {string | null}
 */
function converse(token) {
  /** @type {string | null} */
  let conversationId = null;
  let finished = false;
  const params = { tags: { name: 'socket.io /support' } };
  const response = ws.connect(socketUrl(BASE_URL), params, (socket) => {
    const end = () => {
      socket.send(disconnectPacket(NAMESPACE));
      socket.close();
    };
    speakSocketIo(socket, {
      namespace: NAMESPACE,
      auth: { token },
      onAcknowledged: (milliseconds) => acknowledgement.add(milliseconds),
      onRefused: (error) => {
        check(error, { 'chat: the socket is let in with the access token': () => false });
        socket.close();
      },
      onConnected: (emit) =>
        emit('conversation:open', { subject: 'Parcel', text: GREETING }, (opened) => {
          const open = check(opened, {
            'chat: a new conversation is acknowledged open with its first message': (a) =>
              a.data !== undefined &&
              a.data.conversation.status === 'open' &&
              a.data.message.sequence === 1,
          });
          if (!open) return end();
          conversationId = opened.data.conversation.id;
          emit('message:send', { conversationId, text: QUESTION }, (written) => {
            const sent = check(written, {
              'chat: a message is acknowledged as the second of the conversation': (a) =>
                a.data !== undefined &&
                a.data.message.sequence === 2 &&
                a.data.message.text === QUESTION,
            });
            if (!sent) return end();
            emit('conversation:close', { conversationId }, (closed) => {
              finished = check(closed, {
                'chat: closing the conversation is acknowledged': (a) =>
                  a.data !== undefined && a.data.conversation.status === 'closed',
              });
              end();
            });
          });
        }),
    });
    socket.setTimeout(end, CONVERSATION_TIMEOUT_MS);
  });
  check(response, {
    'chat: the socket.io handshake upgrades to a WebSocket': (r) => r.status === 101,
  });
  check(finished, { 'chat: the conversation ends within its time': (done) => done });
  return finished ? conversationId : null;
}

/**
 * A customer asks the support chat a question over socket.io, then reads the conversation's
 * history over REST: both messages, in order.
 */
export function chat() {
  const token = customerToken();
  group('chat', () => {
    const conversationId = converse(token);
    if (conversationId === null) return;
    const history = answer(
      get(`/support/conversations/${conversationId}/messages`, {
        token,
        name: 'GET /support/conversations/:id/messages',
      }),
      200,
      'reading the chat history',
    );
    check(history, {
      'chat: the history holds both messages in order': (h) =>
        h !== null &&
        h.items.length === 2 &&
        h.items[0].text === GREETING &&
        h.items[1].text === QUESTION &&
        h.items[1].sequence === 2,
    });
  });
}
