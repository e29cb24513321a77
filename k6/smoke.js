// Every scenario once, by one VU: a quick proof that each flow works end to end. Its logic also
// runs in CI against the real API (test/k6-smoke.e2e-spec.ts).
import { browse } from './lib/flows/browse.js';
import { cart } from './lib/flows/cart.js';
import { chat } from './lib/flows/chat.js';
import { checkout } from './lib/flows/checkout.js';
import { returns } from './lib/flows/returns.js';
import { COMMON_THRESHOLDS } from './lib/scenarios.js';
import { checkLedger, prepareShop } from './lib/shop-setup.js';

/** @type {import('k6/options').Options} */
export const options = { vus: 1, iterations: 1, thresholds: COMMON_THRESHOLDS };

export function setup() {
  return prepareShop({ promoCode: true });
}

/** @param {import('./lib/shop-setup.js').ShopData} shop */
export default function (shop) {
  browse(shop);
  cart(shop);
  checkout(shop, true);
  returns(shop);
  chat();
}

export function teardown() {
  checkLedger();
}
