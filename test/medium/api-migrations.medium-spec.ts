import { Db } from 'mongodb';
import { usersLastLoginAt } from '../../apps/api/src/migrations/202611300900-users-last-login-at';
import { dropDeniedAccessTokens } from '../../apps/api/src/migrations/202611300910-drop-denied-access-tokens';
import { orderReturnCounters } from '../../apps/api/src/migrations/202611301000-order-return-counters';
import { useMediumContext } from './support/medium-context';

/** Each migration of the API on data shaped as older versions stored it; each runs twice. */
describe('the API migrations (medium)', () => {
  const context = useMediumContext([]);
  let db: Db;

  beforeAll(() => {
    db = context.connection.db!;
  });

  describe(usersLastLoginAt.id, () => {
    it('sets lastLoginAt to null where it is missing and keeps recorded logins', async () => {
      const users = db.collection<{ _id: string; username: string; lastLoginAt?: Date | null }>(
        'users',
      );
      const loggedIn = new Date('2026-11-01T10:00:00Z');
      await users.insertMany([
        { _id: 'u-legacy', username: 'legacy' },
        { _id: 'u-recent', username: 'recent', lastLoginAt: loggedIn },
        { _id: 'u-never', username: 'never', lastLoginAt: null },
      ]);
      await usersLastLoginAt.up(db);
      await usersLastLoginAt.up(db);
      const stored = await users.find().sort({ _id: 1 }).toArray();
      expect(stored.map((user) => [user._id, user.lastLoginAt])).toEqual([
        ['u-legacy', null],
        ['u-never', null],
        ['u-recent', loggedIn],
      ]);
    });
  });

  describe(dropDeniedAccessTokens.id, () => {
    const exists = async () =>
      (await db.listCollections({ name: 'denied_access_tokens' }).toArray()).length === 1;

    it('drops the collection with what it still holds', async () => {
      await db
        .collection('denied_access_tokens')
        .insertOne({ _id: 'jti-1' as never, expiresAt: new Date() });
      expect(await exists()).toBe(true);
      await dropDeniedAccessTokens.up(db);
      expect(await exists()).toBe(false);
    });

    it('does nothing where the collection never existed, or is gone already', async () => {
      await dropDeniedAccessTokens.up(db);
      expect(await exists()).toBe(false);
    });
  });

  describe(orderReturnCounters.id, () => {
    it('makes every unit of older orders returnable and keeps counters already there', async () => {
      const orders = db.collection<{ _id: string; lines: object[]; refundedCents?: number }>(
        'orders',
      );
      await orders.insertMany([
        {
          _id: 'o-legacy',
          lines: [
            { productId: 'p1', quantity: 3 },
            { productId: 'p2', quantity: 1 },
          ],
        },
        {
          _id: 'o-current',
          lines: [{ productId: 'p1', quantity: 2, returnableQuantity: 1, returnedQuantity: 1 }],
          refundedCents: 500,
        },
      ]);
      await orderReturnCounters.up(db);
      await orderReturnCounters.up(db);
      const stored = await orders.find().sort({ _id: 1 }).toArray();
      expect(stored).toEqual([
        {
          _id: 'o-current',
          lines: [{ productId: 'p1', quantity: 2, returnableQuantity: 1, returnedQuantity: 1 }],
          refundedCents: 500,
        },
        {
          _id: 'o-legacy',
          lines: [
            { productId: 'p1', quantity: 3, returnableQuantity: 3, returnedQuantity: 0 },
            { productId: 'p2', quantity: 1, returnableQuantity: 1, returnedQuantity: 0 },
          ],
          refundedCents: 0,
          refundedQuantity: 0,
        },
      ]);
    });
  });
});
