/** Where a support conversation stands: waiting in the queue, taken by a support user, done. */
export enum ConversationStatus {
  Open = 'open',
  Claimed = 'claimed',
  Closed = 'closed',
}

export const CONVERSATION_STATUSES = Object.values(ConversationStatus);

/** The moves a conversation may make; `closed` is final. */
const TRANSITIONS: Record<ConversationStatus, readonly ConversationStatus[]> = {
  [ConversationStatus.Open]: [ConversationStatus.Claimed, ConversationStatus.Closed],
  [ConversationStatus.Claimed]: [ConversationStatus.Closed],
  [ConversationStatus.Closed]: [],
};

export function canTransition(from: ConversationStatus, to: ConversationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The states a conversation may leave for `to`, for the expected state of a conditional write. */
export function statesBefore(to: ConversationStatus): ConversationStatus[] {
  return CONVERSATION_STATUSES.filter((from) => canTransition(from, to));
}
