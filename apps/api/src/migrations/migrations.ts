import { Migration } from '@kassa/database';
import { usersLastLoginAt } from './202611300900-users-last-login-at';
import { dropDeniedAccessTokens } from './202611300910-drop-denied-access-tokens';
import { orderReturnCounters } from './202611301000-order-return-counters';

/**
 * Every migration of the API, oldest first: applied at start-up (behind a lock) and by
 * `npm run migrate`. Add a file named after its id and append it here; never edit or reorder a
 * released one.
 */
export const API_MIGRATIONS: readonly Migration[] = [
  usersLastLoginAt,
  dropDeniedAccessTokens,
  orderReturnCounters,
];
