import { ConversationResponseDto, SupportMessageResponseDto } from './dto/support-response.dto';

/**
 * The events of the `/support` namespace. Clients send the `ClientEvent`s, each with an
 * acknowledgement callback that receives a {@link ChatAck}; the server pushes the
 * `ServerEvent`s to the sockets allowed to see them. The README's event reference lists them.
 */
export const ClientEvent = {
  OpenConversation: 'conversation:open',
  JoinConversation: 'conversation:join',
  ClaimConversation: 'conversation:claim',
  CloseConversation: 'conversation:close',
  SendMessage: 'message:send',
  Typing: 'typing',
} as const;

export const ServerEvent = {
  ConversationOpened: 'conversation:opened',
  MessageNew: 'message:new',
  ConversationClaimed: 'conversation:claimed',
  ConversationClosed: 'conversation:closed',
  Typing: 'typing',
  /** The session behind the socket ended (logout, revocation, expiry); the socket is closed. */
  Error: 'error',
} as const;

/** Every acknowledgement: the result, or an error in the API's shared error shape. */
export type ChatAck<T> =
  | { data: T }
  | {
      error: {
        code: string;
        message: string;
        details?: { field: string; message: string }[];
        requestId: string;
      };
    };

export interface ConversationOpenedPayload {
  conversation: ConversationResponseDto;
  message: SupportMessageResponseDto;
}

export interface TypingPayload {
  conversationId: string;
  userId: string;
  role: string;
}

/** The rooms events go to: a customer's sockets, all staff sockets, a conversation's joiners. */
export const Rooms = {
  staff: 'staff',
  customer: (customerId: string) => `customer:${customerId}`,
  conversation: (conversationId: string) => `conversation:${conversationId}`,
};
