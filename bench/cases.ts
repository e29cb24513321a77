import { BenchCase, BenchRequest } from './bench-case';

/** The brand of the product-list case; falls back to the first brand when it is missing. */
const LIST_BRAND = 'Fender';
const LIST_MAX_PRICE = '1500';
/** A word of some demo descriptions ("maple neck", "maple top"), so the search finds a share. */
const SEARCH_WORD = 'maple';

/**
 * What `npm run bench` measures, in table order. Each case names its route and prepares its
 * requests once; later cases (cart, orders, payments) log a customer in, fill a cart, or build a
 * fresh `Idempotency-Key` per request in the same shape.
 */
export const BENCH_CASES: BenchCase[] = [
  {
    name: 'health',
    route: 'GET /health',
    setup: async () => ({ request: { path: '/health' } }),
  },
  {
    name: 'product',
    route: 'GET /products/:id',
    setup: async ({ catalog }) => ({
      request: cycle(catalog.visibleProductIds.map((id) => ({ path: `/products/${id}` }))),
    }),
  },
  {
    name: 'product-list',
    route: 'GET /products?filter[brand]&filter[price][lte]&sort=-price&page=2',
    setup: async ({ api, catalog }) => {
      const brand = catalog.brandNames.includes(LIST_BRAND) ? LIST_BRAND : catalog.brandNames[0];
      const query = new URLSearchParams({
        'filter[brand]': brand,
        'filter[price][lte]': LIST_MAX_PRICE,
        sort: '-price',
        page: '2',
      });
      const request = { path: `/products?${query}` };
      const page = (await api.expectOk(request)) as { items: unknown[] };
      if (page.items.length === 0) throw new Error(`${request.path} has an empty page 2`);
      return { request };
    },
  },
  {
    name: 'product-search',
    route: `GET /products?search=${SEARCH_WORD}`,
    setup: async () => ({ request: { path: `/products?search=${SEARCH_WORD}` } }),
  },
  {
    name: 'me',
    route: 'GET /me (bearer token)',
    setup: async ({ adminToken }) => ({
      request: { path: '/me', headers: { authorization: `Bearer ${await adminToken()}` } },
    }),
  },
  {
    name: 'brands',
    route: 'GET /brands',
    setup: async () => ({ request: { path: '/brands' } }),
  },
];

/** A request generator that walks the list in order, round and round. */
export function cycle(requests: BenchRequest[]): () => BenchRequest {
  if (requests.length === 0) throw new Error('nothing to cycle through');
  let next = 0;
  return () => {
    const request = requests[next];
    next = (next + 1) % requests.length;
    return request;
  };
}
