import { canTransition, ConversationStatus, statesBefore } from './conversation-status';

const { Open, Claimed, Closed } = ConversationStatus;

describe('conversation transitions', () => {
  it.each([
    [Open, Claimed, true],
    [Open, Closed, true],
    [Claimed, Closed, true],
    [Claimed, Open, false],
    [Claimed, Claimed, false],
    [Closed, Open, false],
    [Closed, Claimed, false],
    [Closed, Closed, false],
    [Open, Open, false],
  ])('%s → %s is %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('names the states each target can be reached from', () => {
    expect(statesBefore(Claimed)).toEqual([Open]);
    expect(statesBefore(Closed)).toEqual([Open, Claimed]);
    expect(statesBefore(Open)).toEqual([]);
  });
});
