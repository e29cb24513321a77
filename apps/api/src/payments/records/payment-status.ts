import { TransitionTable } from '@kassa/common';

export enum PaymentStatus {
  Created = 'created',
  Paid = 'paid',
  Cancelled = 'cancelled',
}

export const PAYMENT_STATUSES = Object.values(PaymentStatus);

/** Every move a payment may make: `created` → `paid` | `cancelled`; final states never change. */
export const PAYMENT_TRANSITIONS = new TransitionTable<PaymentStatus>('Payment', {
  [PaymentStatus.Created]: [PaymentStatus.Paid, PaymentStatus.Cancelled],
  [PaymentStatus.Paid]: [],
  [PaymentStatus.Cancelled]: [],
});
