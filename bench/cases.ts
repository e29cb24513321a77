import { BenchCase, BenchContext, BenchRequest } from './bench-case';

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
  {
    name: 'cart',
    route: 'GET /cart (10 lines, bearer token)',
    setup: async (context) => {
      const headers = await freshCart(context);
      const productIds = context.catalog.visibleProductIds.slice(0, CART_LINES);
      await stock(context, productIds);
      for (const productId of productIds) {
        await context.api.expectOk(jsonPost('/cart/items', { productId, quantity: 1 }, headers));
      }
      return { request: { path: '/cart', headers }, teardown: () => emptyCart(context, headers) };
    },
  },
  {
    name: 'cart-add',
    route: 'POST /cart/items (quantity 1, bearer token)',
    setup: async (context) => {
      const headers = await freshCart(context);
      const productIds = context.catalog.visibleProductIds.slice(0, ADD_PRODUCTS);
      await stock(context, productIds);
      return {
        request: cycle(
          productIds.map((productId) =>
            jsonPost('/cart/items', { productId, quantity: 1 }, headers),
          ),
        ),
        teardown: () => emptyCart(context, headers),
      };
    },
  },
];

/** The cart case holds this many lines. */
const CART_LINES = 10;
/** The add case spreads its adds over this many lines (a cart of realistic size). */
const ADD_PRODUCTS = 20;
/** The cart cases' products are stocked so that no line runs out (some catalog products have none). */
const AMPLE_STOCK = 1_000_000;

async function stock(context: BenchContext, productIds: string[]): Promise<void> {
  await context.db
    .collection<{ _id: string }>('products')
    .updateMany({ _id: { $in: productIds } }, { $set: { stock: AMPLE_STOCK } });
}

/** A POST of `body` as JSON. */
export function jsonPost(
  path: string,
  body: unknown,
  headers: Record<string, string>,
): BenchRequest {
  return {
    method: 'POST',
    path,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

/** The admin's bearer header, with an empty cart. */
async function freshCart(context: BenchContext): Promise<Record<string, string>> {
  const headers = { authorization: `Bearer ${await context.adminToken()}` };
  await emptyCart(context, headers);
  return headers;
}

async function emptyCart(context: BenchContext, headers: Record<string, string>): Promise<void> {
  await context.api.expectOk({ method: 'DELETE', path: '/cart', headers });
}

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
