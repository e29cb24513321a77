import { check, group } from 'k6';
import { get, pick, query } from '../api.js';
import { cents } from '../money.js';
import { answer } from '../shop-api.js';

/** @typedef {import('../shop-setup.js').ShopData} ShopData */
/**
 * @typedef {object} Listed
 * @property {string} id
 * @property {string} model
 * @property {string} description
 * @property {string} price
 * @property {number} stock
 * @property {{ name: string }} brand
 * @property {{ name: string }} category
 *
 * @typedef {object} ProductPage
 * @property {Listed[]} items
 * @property {number} page
 * @property {number} limit
 * @property {number} total
 * @property {number} totalPages
 *
 * @typedef {object} Listing A list query and what each of its items must satisfy.
 * @property {string} label
 * @property {Record<string, string | number>} parameters
 * @property {(item: Listed) => boolean} matches
 * @property {(items: Listed[]) => boolean} inOrder Whether a page is in the order asked for.
 */

const PAGE_SIZE = 12;
const SEARCH_TERMS = ['jazz', 'strat', 'delay', 'bass', 'tube', 'maple', 'fuzz'];

/**
 * @param {ShopData} shop
 * @returns {Listing}
 */
function byBrandUnderPrice(shop) {
  const brand = pick(shop.brands);
  const maxPrice = pick([300, 1000, 3000]);
  return {
    label: 'a brand under a price, dearest first',
    parameters: { 'filter[brand]': brand, 'filter[price][lte]': maxPrice, sort: '-price' },
    matches: (item) => item.brand.name === brand && cents(item.price) <= maxPrice * 100,
    inOrder: (items) => sortedByPrice(items, -1),
  };
}

/**
 * @param {ShopData} shop
 * @returns {Listing}
 */
function byCategoryInStock(shop) {
  const category = pick(shop.categories);
  return {
    label: 'a category in stock, cheapest first',
    parameters: { 'filter[category]': category, 'filter[stock][gt]': 0, sort: 'price' },
    matches: (item) => item.category.name === category && item.stock > 0,
    inOrder: (items) => sortedByPrice(items, 1),
  };
}

/** @returns {Listing} */
function bySearch() {
  const term = pick(SEARCH_TERMS);
  return {
    label: 'a search, cheapest first',
    parameters: { search: term, sort: 'price' },
    matches: (item) => `${item.model} ${item.description}`.toLowerCase().includes(term),
    inOrder: (items) => sortedByPrice(items, 1),
  };
}

/**
 * A word search ranked by relevance. A model word weighs ten times a description word, so every
 * product whose model holds the word comes before those where only the description does.
 *
 * @returns {Listing}
 */
function byRelevance() {
  const term = pick(SEARCH_TERMS);
  const word = new RegExp(`\\b${term}s?\\b`, 'i');
  /** @param {Listed} item */
  const inModel = (item) => word.test(item.model);
  return {
    label: 'a word search, best matches first',
    parameters: { search: term, sort: 'relevance' },
    matches: (item) => `${item.model} ${item.description}`.toLowerCase().includes(term),
    inOrder: (items) =>
      items.every((item, index) => index === 0 || !inModel(item) || inModel(items[index - 1])),
  };
}

/**
 * @param {Listed[]} items
 * @param {number} direction
 */
function sortedByPrice(items, direction) {
  return items.every(
    (item, index) =>
      index === 0 || direction * (cents(item.price) - cents(items[index - 1].price)) >= 0,
  );
}

/**
 * Reads one page of a listing and checks it is what was asked: the filter on every item, the
 * order, the page size and the page count.
 *
 * @param {Listing} listing
 * @param {number} page
 * @returns {ProductPage | null}
 */
function readPage(listing, page) {
  const parameters = { ...listing.parameters, limit: PAGE_SIZE, page };
  /** @type {ProductPage | null} */
  const body = answer(
    get(`/products${query(parameters)}`, { name: 'GET /products' }),
    200,
    'listing products',
  );
  if (body === null) return null;
  check(body, {
    [`${listing.label}: every item matches`]: (b) => b.items.every(listing.matches),
    [`${listing.label}: in the order asked for`]: (b) => listing.inOrder(b.items),
    [`${listing.label}: the page asked for, no longer than the limit`]: (b) =>
      b.page === page && b.items.length <= PAGE_SIZE,
    [`${listing.label}: page count fits the total`]: (b) =>
      b.totalPages === Math.ceil(b.total / PAGE_SIZE),
  });
  return body;
}

/**
 * Opens a product seen in a list: the same product at the same price.
 *
 * @param {Listed} listed
 */
function openProduct(listed) {
  const product = answer(
    get(`/products/${listed.id}`, { name: 'GET /products/:id' }),
    200,
    'opening a product',
  );
  check(product, {
    'a product opens as it was listed': (p) =>
      p !== null && p.id === listed.id && p.price === listed.price && p.model === listed.model,
  });
  const images = answer(
    get(`/products/${listed.id}/images`, { name: 'GET /products/:id/images' }),
    200,
    'listing product images',
  );
  check(images, { 'its images are a list': (b) => b !== null && Array.isArray(b.items) });
}

/**
 * Fetches an image, then again with its ETag as a browser revalidates: 304, no body.
 *
 * @param {string} url
 */
function viewImage(url) {
  const first = get(url, { name: 'GET /products/:id/images/:imageId' });
  const etag = headerOf(first, 'ETag');
  check(first, {
    'an image is served as PNG with an ETag': (r) =>
      r.status === 200 && headerOf(r, 'Content-Type') === 'image/png' && etag !== null,
  });
  if (etag === null) return;
  const again = get(url, {
    name: 'GET /products/:id/images/:imageId',
    headers: { 'If-None-Match': etag },
  });
  check(again, { 'a revalidated image answers 304': (r) => r.status === 304 });
}

/**
 * A response header, whatever the case of its name.
 *
 * @param {import('k6/http').Response} response
 * @param {string} name
 * @returns {string | null}
 */
function headerOf(response, name) {
  const key = Object.keys(response.headers).find(
    (each) => each.toLowerCase() === name.toLowerCase(),
  );
  return key === undefined ? null : response.headers[key];
}

/**
 * A guest browses: a filtered, sorted or searched list, a later page of it, a product from it
 * with its images, and a product image.
 *
 * @param {ShopData} shop
 */
export function browse(shop) {
  group('browse', () => {
    const listing = pick([byBrandUnderPrice, byCategoryInStock, bySearch, byRelevance])(shop);
    const first = readPage(listing, 1);
    if (first === null) return;
    if (first.totalPages > 1) {
      const later = readPage(
        listing,
        2 + Math.floor(Math.random() * Math.min(first.totalPages - 1, 3)),
      );
      check(later, {
        [`${listing.label}: a later page holds other products`]: (b) =>
          b !== null && b.items.every((item) => first.items.every((seen) => seen.id !== item.id)),
      });
    }
    if (first.items.length > 0) openProduct(pick(first.items));
    viewImage(pick(shop.imageUrls));
  });
}
