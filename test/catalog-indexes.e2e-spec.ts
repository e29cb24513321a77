import { ListSpec } from '@kassa/common';
import { PRODUCT_IMAGE_LIST_SPEC } from '../apps/api/src/catalog/product-images/product-image-list';
import {
  ADMIN_PRODUCT_LIST_SPEC,
  NAME_RESOLVED_FILTERS,
  PRICE_HISTORY_LIST_SPEC,
  PRODUCT_LIST_SPEC,
} from '../apps/api/src/catalog/products/product-list';
import { NAMED_ENTRY_LIST_SPEC } from '../apps/api/src/catalog/shared/named-entry.service';
import { PRODUCT_DISCOUNT_LIST_SPEC } from '../apps/api/src/discounts/product-discounts/product-discount-list';
import { PROMO_CODE_LIST_SPEC } from '../apps/api/src/discounts/promo-codes/promo-code-list';
import { LEDGER_POSTING_LIST_SPEC } from '../apps/api/src/ledger/ledger-list';
import { ADMIN_ORDER_LIST_SPEC, ORDER_LIST_SPEC } from '../apps/api/src/orders/order-list';
import { OUTBOX_LIST_SPEC } from '../apps/api/src/outbox/outbox-list';
import { ORDER_RETURN_LIST_SPEC, RETURN_LIST_SPEC } from '../apps/api/src/returns/return-list';
import {
  ADMIN_PAYMENT_LIST_SPEC,
  PAYMENT_LIST_SPEC,
} from '../apps/api/src/payments/records/payment-list';
import { createTestApp, TestApp, unindexedListPaths } from './support';

interface Whitelist {
  name: string;
  collection: string;
  spec: ListSpec;
  /** Keys every query of this list binds by equality (visibility, owner), in any order. */
  equalityKeys: readonly string[];
}

const WHITELISTS: Whitelist[] = [
  { name: 'brands', collection: 'brands', spec: NAMED_ENTRY_LIST_SPEC, equalityKeys: [] },
  { name: 'categories', collection: 'categories', spec: NAMED_ENTRY_LIST_SPEC, equalityKeys: [] },
  {
    name: 'products (public)',
    collection: 'products',
    spec: PRODUCT_LIST_SPEC,
    equalityKeys: ['archived', 'active'],
  },
  {
    name: 'products (admin)',
    collection: 'products',
    spec: ADMIN_PRODUCT_LIST_SPEC,
    equalityKeys: ['archived', 'active'],
  },
  {
    name: 'price history',
    collection: 'product_price_history',
    spec: PRICE_HISTORY_LIST_SPEC,
    equalityKeys: ['productId'],
  },
  {
    name: 'product images',
    collection: 'product_images.files',
    spec: PRODUCT_IMAGE_LIST_SPEC,
    equalityKeys: ['metadata.productId'],
  },
  {
    name: 'product discounts',
    collection: 'product_discounts',
    spec: PRODUCT_DISCOUNT_LIST_SPEC,
    equalityKeys: [],
  },
  { name: 'promo codes', collection: 'promo_codes', spec: PROMO_CODE_LIST_SPEC, equalityKeys: [] },
  { name: 'own orders', collection: 'orders', spec: ORDER_LIST_SPEC, equalityKeys: ['customerId'] },
  { name: 'all orders', collection: 'orders', spec: ADMIN_ORDER_LIST_SPEC, equalityKeys: [] },
  { name: 'outbox', collection: 'outbox_messages', spec: OUTBOX_LIST_SPEC, equalityKeys: [] },
  {
    name: 'wallet statement',
    collection: 'ledger_postings',
    spec: LEDGER_POSTING_LIST_SPEC,
    equalityKeys: ['accountKey'],
  },
  /** A customer's payments are those they pay or receive: one branch binds each key. */
  {
    name: 'own payments (as payer)',
    collection: 'payments',
    spec: PAYMENT_LIST_SPEC,
    equalityKeys: ['payerId'],
  },
  {
    name: 'own payments (as payee)',
    collection: 'payments',
    spec: PAYMENT_LIST_SPEC,
    equalityKeys: ['payeeId'],
  },
  { name: 'all payments', collection: 'payments', spec: ADMIN_PAYMENT_LIST_SPEC, equalityKeys: [] },
  { name: 'all returns', collection: 'returns', spec: RETURN_LIST_SPEC, equalityKeys: [] },
  {
    name: 'returns of an order',
    collection: 'returns',
    spec: ORDER_RETURN_LIST_SPEC,
    equalityKeys: ['orderId'],
  },
];

describe('list whitelists vs indexes (e2e)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it.each(WHITELISTS)(
    'every filter and sort of $name has an index',
    async ({ collection, spec, equalityKeys }) => {
      const unindexed = await unindexedListPaths(testApp.connection.collection(collection), spec, {
        equalityKeys,
        resolvedPaths: NAME_RESOLVED_FILTERS,
      });
      expect(unindexed).toEqual([]);
    },
  );

  it('finds an unindexed field or one behind a key the query does not bind', async () => {
    const products = testApp.connection.collection('products');
    const spec: ListSpec = {
      fields: { description: { type: 'string' }, price: { type: 'money', path: 'priceCents' } },
    };
    expect(await unindexedListPaths(products, spec, { equalityKeys: ['archived'] })).toEqual([
      'description',
      'priceCents',
    ]);
    expect(
      await unindexedListPaths(products, spec, { equalityKeys: ['archived', 'active'] }),
    ).toEqual(['description']);
  });
});
