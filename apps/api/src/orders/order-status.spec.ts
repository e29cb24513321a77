import { InvalidTransitionError } from '@kassa/common';
import { assertTransition, canTransition, ORDER_STATUSES, OrderStatus } from './order-status';

const ALLOWED = new Set([
  'pending→paid',
  'pending→cancelled',
  'pending→expired',
  'paid→partially_returned',
  'paid→returned',
  'partially_returned→returned',
]);

describe('order transitions', () => {
  const pairs = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const));

  it('covers every pair of states', () => {
    expect(pairs).toHaveLength(36);
  });

  it.each(pairs)('%s → %s', (from, to) => {
    const allowed = ALLOWED.has(`${from}→${to}`);
    expect(canTransition(from, to)).toBe(allowed);
    if (allowed) expect(() => assertTransition(from, to)).not.toThrow();
    else
      expect(() => assertTransition(from, to)).toThrow(
        new InvalidTransitionError('Order', from, to),
      );
  });

  it('names both states in the refusal', () => {
    expect(() => assertTransition(OrderStatus.Paid, OrderStatus.Cancelled)).toThrow(
      'Order cannot go from paid to cancelled',
    );
  });
});
