import { ListSpec } from '@kassa/common';
import { RETURN_STATUSES } from './return-status';

/** What admins filter and sort every return on (newest first by default). */
export const RETURN_LIST_SPEC: ListSpec = {
  fields: {
    status: { type: 'enum', values: RETURN_STATUSES },
    createdAt: { type: 'date' },
    orderId: { type: 'uuid', sort: false },
    amount: { type: 'money', path: 'amountCents' },
  },
  defaultSort: '-createdAt',
};

/** The returns of one order, oldest first. */
export const ORDER_RETURN_LIST_SPEC: ListSpec = {
  fields: {
    status: { type: 'enum', values: RETURN_STATUSES },
    createdAt: { type: 'date' },
  },
  defaultSort: 'createdAt',
};
