import { InvalidTransitionError } from '@kassa/common';
import { assertTransition, canTransition, PAYMENT_STATUSES, PaymentStatus } from './payment-status';

const ALLOWED = new Set(['created→paid', 'created→cancelled']);

describe('payment transitions', () => {
  const pairs = PAYMENT_STATUSES.flatMap((from) =>
    PAYMENT_STATUSES.map((to) => [from, to] as const),
  );

  it('covers every pair of states', () => {
    expect(pairs).toHaveLength(9);
  });

  it.each(pairs)('%s → %s', (from, to) => {
    const allowed = ALLOWED.has(`${from}→${to}`);
    expect(canTransition(from, to)).toBe(allowed);
    if (allowed) expect(() => assertTransition(from, to)).not.toThrow();
    else
      expect(() => assertTransition(from, to)).toThrow(
        new InvalidTransitionError('Payment', from, to),
      );
  });

  it('names both states in the refusal', () => {
    expect(() => assertTransition(PaymentStatus.Paid, PaymentStatus.Cancelled)).toThrow(
      'Payment cannot go from paid to cancelled',
    );
  });
});
