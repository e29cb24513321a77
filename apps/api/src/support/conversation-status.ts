import { TransitionTable } from '@kassa/common';

/** Where a support conversation stands: waiting in the queue, taken by a support user, done. */
export enum ConversationStatus {
  Open = 'open',
  Claimed = 'claimed',
  Closed = 'closed',
}

export const CONVERSATION_STATUSES = Object.values(ConversationStatus);

/** The moves a conversation may make; `closed` is final. */
export const CONVERSATION_TRANSITIONS = new TransitionTable<ConversationStatus>('Conversation', {
  [ConversationStatus.Open]: [ConversationStatus.Claimed, ConversationStatus.Closed],
  [ConversationStatus.Claimed]: [ConversationStatus.Closed],
  [ConversationStatus.Closed]: [],
});
