import { join } from 'node:path';
import { CatalogModule } from '../../apps/api/src/catalog/catalog.module';
import { DiscountsModule } from '../../apps/api/src/discounts/discounts.module';
import { IdempotencyModule } from '../../apps/api/src/idempotency/idempotency.module';
import { LedgerModule } from '../../apps/api/src/ledger/ledger.module';
import { NotificationsModule } from '../../apps/api/src/notifications/notifications.module';
import { OrdersModule } from '../../apps/api/src/orders/orders.module';
import { OutboxModule } from '../../apps/api/src/outbox/outbox.module';
import { PaymentRecordsModule } from '../../apps/api/src/payments/records/payment-records.module';
import { ReturnsModule } from '../../apps/api/src/returns/returns.module';
import { SupportModule } from '../../apps/api/src/support/support.module';
import { UsersModule } from '../../apps/api/src/users/users.module';
import { accountLists } from './support/account-lists';
import { catalogLists } from './support/catalog-lists';
import { declaredListSpecs, listPlanFailures } from './support/list-plan-check';
import { ListReadRecorder } from './support/list-plans';
import { useMediumContext } from './support/medium-context';
import { orderLists } from './support/order-lists';

/**
 * Every list the API offers runs on an index, as the server plans it (`explain`), on the
 * emulator and on MongoDB 7.0 alike (`MONGODB_URI`). Each list is served by its real service,
 * which sends its page (`find`) and its count (`countDocuments`); the test records both as sent
 * and explains them. The requests come from each list's whitelist (see `listCases`): no
 * parameters, every sortable field both ways, every filterable field alone (with the default
 * order), and every ordered field's range with its own order. A page must run on an index
 * scan, never a collection scan, and come in index order (no SORT stage) except for a range
 * filter under the default order of another field; equality filters and ranges under their own
 * order must be narrowed by the index's bounds; a filtered count must run on an index that
 * narrows its filter. An unfiltered count of a whole collection is a collection scan in MongoDB
 * too, and is not checked. `search` is not covered: a case-insensitive substring match, which no
 * index can narrow.
 */
describe('list indexes (medium)', () => {
  const context = useMediumContext([
    NotificationsModule,
    IdempotencyModule,
    UsersModule,
    CatalogModule,
    DiscountsModule,
    OrdersModule,
    ReturnsModule,
    LedgerModule,
    PaymentRecordsModule,
    SupportModule,
    OutboxModule,
  ]);
  const groups = [catalogLists(context), accountLists(context), orderLists(context)];
  const lists = groups.flatMap((group) => group.lists);
  let recorder: ListReadRecorder;

  beforeAll(async () => {
    for (const group of groups) await group.seed();
    recorder = new ListReadRecorder(context.connection);
  });

  it.each(lists.map((list) => [list.name, list] as const))(
    '%s: every filter and sort runs on an index',
    async (_, list) => {
      const failures = await listPlanFailures(context.connection, recorder, list);
      expect(failures).toEqual([]);
    },
  );

  it('covers every list whitelist the API declares', async () => {
    const covered = new Set(lists.map((list) => list.spec));
    const declared = await declaredListSpecs(join(__dirname, '../..'));
    expect(declared.length).toBeGreaterThan(10);
    expect(declared.filter(({ spec }) => !covered.has(spec)).map(({ name }) => name)).toEqual([]);
  });
});
