import { ListSpec } from '@kassa/common';
import { AuthUser } from '../../access/auth-user';
import { Role } from '../../access/role';
import { PAYMENT_STATUSES } from './payment-status';

/** What a user may filter and sort their payments (as payer or payee) on; newest first. */
export const PAYMENT_LIST_SPEC: ListSpec = {
  fields: {
    status: { type: 'enum', values: PAYMENT_STATUSES },
    createdAt: { type: 'date' },
    amount: { type: 'money', path: 'amountCents' },
  },
  defaultSort: '-createdAt',
};

/** Admins list every payment and may filter by payer or payee. */
export const ADMIN_PAYMENT_LIST_SPEC: ListSpec = {
  ...PAYMENT_LIST_SPEC,
  fields: {
    ...PAYMENT_LIST_SPEC.fields,
    payerId: { type: 'uuid', sort: false },
    payeeId: { type: 'uuid', sort: false },
  },
};

export function paymentListSpecFor(caller: AuthUser | undefined): ListSpec {
  return caller?.role === Role.Admin ? ADMIN_PAYMENT_LIST_SPEC : PAYMENT_LIST_SPEC;
}
