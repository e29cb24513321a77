import { InvalidTransitionError } from '@kassa/common';
import { assertTransition, canTransition, RETURN_STATUSES, ReturnStatus } from './return-status';

const ALLOWED = new Set(['requested→approved', 'requested→rejected', 'approved→refunded']);

describe('return transitions', () => {
  const pairs = RETURN_STATUSES.flatMap((from) => RETURN_STATUSES.map((to) => [from, to] as const));

  it('covers every pair of states', () => {
    expect(pairs).toHaveLength(16);
  });

  it.each(pairs)('%s → %s', (from, to) => {
    const allowed = ALLOWED.has(`${from}→${to}`);
    expect(canTransition(from, to)).toBe(allowed);
    if (allowed) expect(() => assertTransition(from, to)).not.toThrow();
    else
      expect(() => assertTransition(from, to)).toThrow(
        new InvalidTransitionError('Return', from, to),
      );
  });

  it('names both states in the refusal', () => {
    expect(() => assertTransition(ReturnStatus.Refunded, ReturnStatus.Rejected)).toThrow(
      'Return cannot go from refunded to rejected',
    );
  });
});
