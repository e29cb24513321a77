import { ListSpec } from '@kassa/common';
import { DISCOUNT_KINDS } from '../discount-rules';

const uppercase = (value: string): string => value.toUpperCase();

/** What `GET /promo-codes` lets an admin filter and sort on; each path has an index. */
export const PROMO_CODE_LIST_SPEC: ListSpec = {
  fields: {
    code: { type: 'string', path: 'codeKey', normalise: uppercase },
    type: { type: 'enum', path: 'kind', values: DISCOUNT_KINDS },
    active: { type: 'boolean' },
    startsAt: { type: 'date' },
    endsAt: { type: 'date' },
    usedCount: { type: 'number' },
    createdAt: { type: 'date' },
  },
  search: ['code'],
  defaultSort: '-createdAt',
  uniquePaths: ['codeKey'],
};
