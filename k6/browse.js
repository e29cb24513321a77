// Guests browse the catalog: filtered, sorted and searched lists, later pages, products, images.
import { browse } from './lib/flows/browse.js';
import { COMMON_THRESHOLDS, groupDuration, rampingArrivalRate } from './lib/scenarios.js';
import { prepareShop } from './lib/shop-setup.js';

/** @type {import('k6/options').Options} */
export const options = {
  scenarios: { browse: rampingArrivalRate('browse', 20) },
  thresholds: { ...COMMON_THRESHOLDS, ...groupDuration('browse', 100) },
};

export function setup() {
  return prepareShop({ promoCode: false });
}

/** @param {import('./lib/shop-setup.js').ShopData} shop */
export default function (shop) {
  browse(shop);
}
