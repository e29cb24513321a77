import { ListSpec } from '@kassa/common';
import { LEDGER_ENTRY_KINDS } from './ledger-entry';

/**
 * What the caller's wallet statement (`GET /me/ledger`) filters and sorts on. Amounts are signed
 * (`filter[amount][lt]=0`: money out). By default newest first, in the exact order of posting.
 */
export const LEDGER_POSTING_LIST_SPEC: ListSpec = {
  fields: {
    kind: { type: 'enum', values: LEDGER_ENTRY_KINDS },
    createdAt: { type: 'date' },
    amount: { type: 'money', path: 'amountCents', signed: true },
  },
  defaultSort: '-sequence',
  uniquePaths: ['sequence'],
};
