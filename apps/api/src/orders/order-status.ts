import { TransitionTable } from '@kassa/common';

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
export const ORDER_TRANSITIONS = new TransitionTable<OrderStatus>('Order', {
  [OrderStatus.Pending]: [OrderStatus.Paid, OrderStatus.Cancelled, OrderStatus.Expired],
  [OrderStatus.Paid]: [OrderStatus.PartiallyReturned, OrderStatus.Returned],
  [OrderStatus.PartiallyReturned]: [OrderStatus.Returned],
  [OrderStatus.Cancelled]: [],
  [OrderStatus.Expired]: [],
  [OrderStatus.Returned]: [],
});
