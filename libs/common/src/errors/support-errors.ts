import { DomainError } from './domain-error';

/** 409: the support conversation is closed; it takes no more messages or changes. */
export class ConversationClosedError extends DomainError {
  static readonly code = 'CONVERSATION_CLOSED';

  constructor(conversationId: string) {
    super(ConversationClosedError.code, `Conversation ${conversationId} is closed`);
  }
}

/** 409: another support user has claimed the conversation. */
export class ConversationClaimedError extends DomainError {
  static readonly code = 'CONVERSATION_CLAIMED';

  constructor(conversationId: string) {
    super(
      ConversationClaimedError.code,
      `Conversation ${conversationId} is claimed by another support user`,
    );
  }
}
