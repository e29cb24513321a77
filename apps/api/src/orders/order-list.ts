import { ListSpec } from '@kassa/common';
import { AuthUser } from '../access/auth-user';
import { Role } from '../access/role';
import { ORDER_STATUSES } from './order-status';

/** What a customer may filter and sort their own orders on (newest first by default). */
export const ORDER_LIST_SPEC: ListSpec = {
  fields: {
    status: { type: 'enum', values: ORDER_STATUSES },
    createdAt: { type: 'date' },
    total: { type: 'money', path: 'totalCents' },
  },
  defaultSort: '-createdAt',
};

/** Admins list every order and may filter by customer. */
export const ADMIN_ORDER_LIST_SPEC: ListSpec = {
  ...ORDER_LIST_SPEC,
  fields: { ...ORDER_LIST_SPEC.fields, customerId: { type: 'uuid', sort: false } },
};

export function orderListSpecFor(caller: AuthUser | undefined): ListSpec {
  return caller?.role === Role.Admin ? ADMIN_ORDER_LIST_SPEC : ORDER_LIST_SPEC;
}
