import { ListSpec } from '@kassa/common';
import { ROLES } from './role';
import { USER_STATUSES } from './user-status';

/**
 * What `GET /users` lets an admin filter, sort and search. Username and email filter and sort on
 * their lowercase copies (indexed, case-insensitive); the schema has an index for every field.
 */
export const USER_LIST_SPEC: ListSpec = {
  fields: {
    username: { type: 'string', path: 'usernameLower' },
    email: { type: 'string', path: 'emailLower' },
    role: { type: 'enum', values: ROLES },
    status: { type: 'enum', values: USER_STATUSES },
    createdAt: { type: 'date' },
    updatedAt: { type: 'date' },
  },
  search: ['username', 'email'],
  defaultSort: '-createdAt',
};

const CASE_INSENSITIVE_FIELDS = ['username', 'email'];

function lowercaseValues(value: unknown): unknown {
  if (typeof value === 'string') return value.toLowerCase();
  if (Array.isArray(value)) return value.map(lowercaseValues);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([op, v]) => [op, lowercaseValues(v)]));
  }
  return value;
}

/** Lowercases the filter values of username and email so they match the lowercase copies. */
export function normaliseUserListQuery(raw: Record<string, unknown>): Record<string, unknown> {
  const filter = raw.filter;
  if (!filter || typeof filter !== 'object' || Array.isArray(filter)) return raw;
  const normalised = Object.fromEntries(
    Object.entries(filter).map(([field, value]) => [
      field,
      CASE_INSENSITIVE_FIELDS.includes(field) ? lowercaseValues(value) : value,
    ]),
  );
  return { ...raw, filter: normalised };
}
