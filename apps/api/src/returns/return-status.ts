import { TransitionTable } from '@kassa/common';

export enum ReturnStatus {
  Requested = 'requested',
  Approved = 'approved',
  Refunded = 'refunded',
  Rejected = 'rejected',
}

export const RETURN_STATUSES = Object.values(ReturnStatus);

/** Every move a return may make; anything else is refused. */
export const RETURN_TRANSITIONS = new TransitionTable<ReturnStatus>('Return', {
  [ReturnStatus.Requested]: [ReturnStatus.Approved, ReturnStatus.Rejected],
  [ReturnStatus.Approved]: [ReturnStatus.Refunded],
  [ReturnStatus.Refunded]: [],
  [ReturnStatus.Rejected]: [],
});
