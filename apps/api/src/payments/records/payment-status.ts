import { InvalidTransitionError } from '@kassa/common';

export enum PaymentStatus {
  Created = 'created',
  Paid = 'paid',
  Cancelled = 'cancelled',
}

export const PAYMENT_STATUSES = Object.values(PaymentStatus);

/** Every move a payment may make: `created` → `paid` | `cancelled`; final states never change. */
const TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  [PaymentStatus.Created]: [PaymentStatus.Paid, PaymentStatus.Cancelled],
  [PaymentStatus.Paid]: [],
  [PaymentStatus.Cancelled]: [],
};

export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws 409 `INVALID_TRANSITION`, naming both states, for a move the table does not allow. */
export function assertTransition(from: PaymentStatus, to: PaymentStatus): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError('Payment', from, to);
}
