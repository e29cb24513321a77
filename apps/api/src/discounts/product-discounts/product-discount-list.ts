import { ListSpec } from '@kassa/common';
import { DISCOUNT_KINDS, DISCOUNT_TARGETS } from '../discount-rules';

const lowercase = (value: string): string => value.toLowerCase();

/** What `GET /discounts` lets an admin filter and sort on; each path has an index. */
export const PRODUCT_DISCOUNT_LIST_SPEC: ListSpec = {
  fields: {
    name: { type: 'string', path: 'nameLower', normalise: lowercase },
    type: { type: 'enum', path: 'kind', values: DISCOUNT_KINDS },
    target: { type: 'enum', values: DISCOUNT_TARGETS },
    active: { type: 'boolean' },
    startsAt: { type: 'date' },
    endsAt: { type: 'date' },
    createdAt: { type: 'date' },
  },
  search: ['name'],
  defaultSort: '-createdAt',
};
