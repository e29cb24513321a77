import { Migration } from '@kassa/database';

/**
 * Accounts created before logins were recorded lack `lastLoginAt`; the schema now expects the
 * field, `null` until the first login.
 */
export const usersLastLoginAt: Migration = {
  id: '202611300900-users-last-login-at',
  description: 'Sets lastLoginAt to null on users that lack it',
  async up(db) {
    await db
      .collection('users')
      .updateMany({ lastLoginAt: { $exists: false } }, { $set: { lastLoginAt: null } });
  },
};
