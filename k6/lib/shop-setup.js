import { check, fail } from 'k6';
import { b64decode } from 'k6/encoding';
import http from 'k6/http';
import { get, json, query, send } from './api.js';
import { BASE_URL } from './config.js';
import { adminToken } from './session.js';

/**
 * @typedef {object} Product
 * @property {string} id
 * @property {string} model
 * @property {string} price
 *
 * @typedef {object} ShopData What `setup()` hands every VU.
 * @property {Product[]} products Active demo products, restocked: what carts and orders hold.
 * @property {string[]} imageUrls Images of the first products, for browsing.
 * @property {string[]} brands Brand names, for list filters.
 * @property {string[]} categories Category names, for list filters.
 * @property {string | null} promoCode A 10 % code made for this run, or null.
 */

/** How many demo products the flows buy, and how many of them carry an image. */
const WORKING_SET = 40;
const WITH_IMAGES = 5;
/** Stock the working set is brought back to, so orders never run it out during a run. */
const STOCK_LEVEL = 1000000;
export const PROMO_PERCENT = 10;

/** A 1×1 PNG: the image the setup gives products that have none. */
const PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/**
 * @param {import('k6/http').Response} response
 * @param {number} status
 * @param {string} what
 * @returns {any}
 */
function expectStatus(response, status, what) {
  if (!check(response, { [`setup: ${what}`]: (r) => r.status === status })) {
    fail(`setup could not ${what}: ${response.status} ${response.body}`);
  }
  return json(response);
}

/**
 * @param {string} path
 * @returns {string[]}
 */
function namesAt(path) {
  const page = expectStatus(get(`${path}?limit=100`, { name: `GET ${path}` }), 200, `read ${path}`);
  return page.items.map((/** @type {{ name: string }} */ item) => item.name);
}

/**
 * @param {string} token
 * @param {Product & { imageCount: number }} product
 * @returns {string}
 */
function imageOf(token, product) {
  if (product.imageCount === 0) {
    const body = { file: http.file(b64decode(PIXEL_PNG), 'load-test.png', 'image/png') };
    const params = {
      headers: { Authorization: `Bearer ${token}` },
      tags: { name: 'POST /products/:id/images' },
    };
    expectStatus(
      http.post(`${BASE_URL}/products/${product.id}/images`, body, params),
      201,
      'upload a product image',
    );
  }
  const images = expectStatus(
    get(`/products/${product.id}/images`, { name: 'GET /products/:id/images' }),
    200,
    'list product images',
  );
  return images.items[0].url;
}

/**
 * As the admin: takes the first active demo products by model, restocks them, makes sure the
 * first few have an image, and reads the brand and category names. Run once per test.
 *
 * @param {{ promoCode: boolean }} options
 * @returns {ShopData}
 */
export function prepareShop(options) {
  const token = adminToken();
  const page = expectStatus(
    get(`/products${query({ sort: 'model', limit: WORKING_SET })}`, { name: 'GET /products' }),
    200,
    'list the demo products (run npm run seed first)',
  );
  if (page.items.length < WORKING_SET)
    fail(`setup found ${page.items.length} products: seed first`);
  /** @type {(Product & { stock: number, imageCount: number })[]} */
  const products = page.items;
  for (const product of products.filter((each) => each.stock < STOCK_LEVEL / 2)) {
    expectStatus(
      send(
        'PATCH',
        `/products/${product.id}`,
        { stock: STOCK_LEVEL },
        {
          token,
          name: 'PATCH /products/:id',
        },
      ),
      200,
      'restock a product',
    );
  }
  return {
    products: products.map(({ id, model, price }) => ({ id, model, price })),
    imageUrls: products.slice(0, WITH_IMAGES).map((product) => imageOf(token, product)),
    brands: namesAt('/brands'),
    categories: namesAt('/categories'),
    promoCode: options.promoCode ? createPromoCode(token) : null,
  };
}

/**
 * A percentage promo code for this run only (codes are unique), with no limits.
 *
 * @param {string} token
 * @returns {string}
 */
function createPromoCode(token) {
  const code = `LOAD-${Date.now().toString(36).toUpperCase()}`;
  const body = { code, type: 'percent', percent: PROMO_PERCENT };
  expectStatus(
    send('POST', '/promo-codes', body, { token, name: 'POST /promo-codes' }),
    201,
    'create a promo code',
  );
  return code;
}

/**
 * As the admin, after the run: the ledger still balances (every entry sums to zero).
 */
export function checkLedger() {
  const response = get('/ledger/check', { token: adminToken(), name: 'GET /ledger/check' });
  const body = json(response);
  check(response, {
    'the ledger balances after the run': (r) =>
      r.status === 200 && body.balanced === true && body.sumOfBalances === '0.00',
  });
}
