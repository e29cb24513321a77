import { ListSpec } from '@kassa/common';
import { ROLES } from '../access/role';
import { USER_STATUSES } from './user-status';

const lowercase = (value: string): string => value.toLowerCase();

/**
 * What `GET /users` lets an admin filter, sort and search. Username and email filter and sort on
 * their lowercase copies (indexed, case-insensitive); the schema has an index for every field.
 */
export const USER_LIST_SPEC: ListSpec = {
  fields: {
    username: { type: 'string', path: 'usernameLower', normalise: lowercase },
    email: { type: 'string', path: 'emailLower', normalise: lowercase },
    role: { type: 'enum', values: ROLES },
    status: { type: 'enum', values: USER_STATUSES },
    createdAt: { type: 'date' },
    updatedAt: { type: 'date' },
  },
  search: ['username', 'email'],
  defaultSort: '-createdAt',
  uniquePaths: ['usernameLower', 'emailLower'],
};
