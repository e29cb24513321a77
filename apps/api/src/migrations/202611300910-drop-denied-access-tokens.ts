import { Migration } from '@kassa/database';

const COLLECTION = 'denied_access_tokens';

/**
 * Access tokens used to be denied one by one in `denied_access_tokens`; sessions
 * (`token_families`) now end every token of a login at once, and nothing reads the collection.
 */
export const dropDeniedAccessTokens: Migration = {
  id: '202611300910-drop-denied-access-tokens',
  description: 'Drops the unused denied_access_tokens collection',
  async up(db) {
    const existing = await db.listCollections({ name: COLLECTION }, { nameOnly: true }).toArray();
    if (existing.length > 0) await db.dropCollection(COLLECTION);
  },
};
