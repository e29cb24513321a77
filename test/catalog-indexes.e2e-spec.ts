import { ListSpec } from '@kassa/common';
import { PRODUCT_IMAGE_LIST_SPEC } from '../apps/api/src/catalog/product-images/product-image-list';
import {
  ADMIN_PRODUCT_LIST_SPEC,
  NAME_RESOLVED_FILTERS,
  PRICE_HISTORY_LIST_SPEC,
  PRODUCT_LIST_SPEC,
} from '../apps/api/src/catalog/products/product-list';
import { NAMED_ENTRY_LIST_SPEC } from '../apps/api/src/catalog/shared/named-entry.service';
import { createTestApp, TestApp } from './support';

interface Whitelist {
  name: string;
  collection: string;
  spec: ListSpec;
  /** Keys every query of this list binds by equality (visibility, owner), in any order. */
  equalityKeys: string[];
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
];

/** The stored paths a list filters or sorts on; brand/category names resolve to id paths. */
function listedPaths(spec: ListSpec): string[] {
  const resolved: Record<string, string> = NAME_RESOLVED_FILTERS;
  const paths = Object.entries(spec.fields)
    .filter(([, field]) => field.filter !== false || field.sort !== false)
    .map(([name, field]) => resolved[name] ?? field.path ?? name);
  const defaultSort = (spec.defaultSort ?? '').split(',').filter(Boolean);
  const defaultPaths = defaultSort.map((token) => {
    const name = token.replace(/^-/, '');
    return spec.fields[name]?.path ?? name;
  });
  return [...new Set([...paths, ...defaultPaths])];
}

/** Whether an index starts with `path`, or has it right after keys the query binds by equality. */
function servedBy(
  indexes: { key: Record<string, unknown> }[],
  path: string,
  equalityKeys: string[],
): boolean {
  return indexes.some(({ key }) => {
    const keys = Object.keys(key);
    const position = keys.indexOf(path);
    return (
      position >= 0 && keys.slice(0, position).every((prefix) => equalityKeys.includes(prefix))
    );
  });
}

describe('catalog list whitelists vs indexes (e2e)', () => {
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
      const indexes = await testApp.connection.collection(collection).listIndexes().toArray();
      const unindexed = listedPaths(spec).filter(
        (path) => !servedBy(indexes as never, path, equalityKeys),
      );
      expect(unindexed).toEqual([]);
    },
  );

  it('finds an unindexed field or one behind a key the query does not bind', async () => {
    const indexes = await testApp.connection.collection('products').listIndexes().toArray();
    expect(servedBy(indexes as never, 'description', ['archived', 'active'])).toBe(false);
    expect(servedBy(indexes as never, 'priceCents', ['archived'])).toBe(false);
    expect(servedBy(indexes as never, 'priceCents', ['archived', 'active'])).toBe(true);
  });
});
