import { InvalidTransitionError } from '@kassa/common';

export enum OrderStatus {
  Pending = 'pending',
  Paid = 'paid',
  Cancelled = 'cancelled',
  Expired = 'expired',
  PartiallyReturned = 'partially_returned',
  Returned = 'returned',
}

export const ORDER_STATUSES = Object.values(OrderStatus);

/** Every move an order may make; anything else is refused. */
const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  [OrderStatus.Pending]: [OrderStatus.Paid, OrderStatus.Cancelled, OrderStatus.Expired],
  [OrderStatus.Paid]: [OrderStatus.PartiallyReturned, OrderStatus.Returned],
  [OrderStatus.PartiallyReturned]: [OrderStatus.Returned],
  [OrderStatus.Cancelled]: [],
  [OrderStatus.Expired]: [],
  [OrderStatus.Returned]: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws 409 `INVALID_TRANSITION`, naming both states, for a move the table does not allow. */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError('Order', from, to);
}
