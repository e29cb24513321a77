import { ListSpec } from '@kassa/common';
import { normaliseCatalogName } from '../shared/catalog-name';

/**
 * What guests and customers may filter and sort products on. `brand` and `category` take names
 * (any case) and are resolved to ids before the query runs; every stored path has an index
 * behind the visibility keys (see the product schema). `search` matches a substring of model or
 * description; with `sort=relevance` it is a word search on the products' text index instead,
 * ranked by relevance (model words weigh ten times description words), ties by model.
 */
export const PRODUCT_LIST_SPEC: ListSpec = {
  fields: {
    brandId: { type: 'uuid', sort: false },
    categoryId: { type: 'uuid', sort: false },
    brand: { type: 'string', sort: false, normalise: normaliseCatalogName },
    category: { type: 'string', sort: false, normalise: normaliseCatalogName },
    model: { type: 'string' },
    price: { type: 'money', path: 'priceCents' },
    stock: { type: 'number' },
    createdAt: { type: 'date' },
  },
  search: ['model', 'description'],
  relevance: true,
  defaultSort: 'model',
};

/** Admins also see inactive products and, with `filter[archived]=true`, archived ones. */
export const ADMIN_PRODUCT_LIST_SPEC: ListSpec = {
  ...PRODUCT_LIST_SPEC,
  fields: {
    ...PRODUCT_LIST_SPEC.fields,
    active: { type: 'boolean', sort: false },
    archived: { type: 'boolean', sort: false },
  },
};

/** API filter fields that name a brand or category and the stored id path they resolve to. */
export const NAME_RESOLVED_FILTERS = { brand: 'brandId', category: 'categoryId' } as const;

/** Price history: by version (the order prices were set in) or time, filtered by time or price. */
export const PRICE_HISTORY_LIST_SPEC: ListSpec = {
  fields: {
    version: { type: 'number' },
    changedAt: { type: 'date' },
    price: { type: 'money', path: 'priceCents' },
  },
  defaultSort: 'version',
  uniquePaths: ['version'],
};
