import { InvalidTransitionError } from '@kassa/common';

export enum ReturnStatus {
  Requested = 'requested',
  Approved = 'approved',
  Refunded = 'refunded',
  Rejected = 'rejected',
}

export const RETURN_STATUSES = Object.values(ReturnStatus);

/** Every move a return may make; anything else is refused. */
const TRANSITIONS: Readonly<Record<ReturnStatus, readonly ReturnStatus[]>> = {
  [ReturnStatus.Requested]: [ReturnStatus.Approved, ReturnStatus.Rejected],
  [ReturnStatus.Approved]: [ReturnStatus.Refunded],
  [ReturnStatus.Refunded]: [],
  [ReturnStatus.Rejected]: [],
};

export function canTransition(from: ReturnStatus, to: ReturnStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws 409 `INVALID_TRANSITION`, naming both states, for a move the table does not allow. */
export function assertTransition(from: ReturnStatus, to: ReturnStatus): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError('Return', from, to);
}
