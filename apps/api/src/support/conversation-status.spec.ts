import { describeTransitions } from '../../../../test/support/transitions';
import { CONVERSATION_TRANSITIONS, ConversationStatus } from './conversation-status';

describeTransitions(CONVERSATION_TRANSITIONS, ['open→claimed', 'open→closed', 'claimed→closed']);

describe('conversation states before a move', () => {
  const { Open, Claimed, Closed } = ConversationStatus;

  it('names the states each target can be reached from', () => {
    expect(CONVERSATION_TRANSITIONS.statesBefore(Claimed)).toEqual([Open]);
    expect(CONVERSATION_TRANSITIONS.statesBefore(Closed)).toEqual([Open, Claimed]);
    expect(CONVERSATION_TRANSITIONS.statesBefore(Open)).toEqual([]);
  });
});
