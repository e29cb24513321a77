// The shop's traffic at once: every flow as its own ramping-arrival-rate scenario, each with the
// latency limit of its own requests (the flows' groups).
import { DECLINE_SHARE } from './lib/config.js';
import { browse as browseFlow } from './lib/flows/browse.js';
import { cart as cartFlow } from './lib/flows/cart.js';
import { chat as chatFlow } from './lib/flows/chat.js';
import { checkout as checkoutFlow } from './lib/flows/checkout.js';
import { returns as returnsFlow } from './lib/flows/returns.js';
import {
  assertEnoughCustomers,
  COMMON_THRESHOLDS,
  groupDuration,
  rampingArrivalRate,
} from './lib/scenarios.js';
import { checkLedger, prepareShop } from './lib/shop-setup.js';

/** @typedef {import('./lib/shop-setup.js').ShopData} ShopData */

const scenarios = {
  browse: rampingArrivalRate('browse', 20, 'browse'),
  cart: rampingArrivalRate('cart', 5, 'cart'),
  checkout: rampingArrivalRate('checkout', 3, 'checkout'),
  returns: rampingArrivalRate('returns', 1, 'returns'),
  chat: rampingArrivalRate('chat', 1, 'chat'),
};
assertEnoughCustomers(scenarios);

/** @type {import('k6/options').Options} */
export const options = {
  scenarios,
  thresholds: {
    ...COMMON_THRESHOLDS,
    ...groupDuration('browse', 100),
    ...groupDuration('cart', 150),
    ...groupDuration('checkout', 250),
  },
};

export function setup() {
  return prepareShop({ promoCode: true });
}

/** @param {ShopData} shop */
export function browse(shop) {
  browseFlow(shop);
}

/** @param {ShopData} shop */
export function cart(shop) {
  cartFlow(shop);
}

/** @param {ShopData} shop */
export function checkout(shop) {
  checkoutFlow(shop, Math.random() < DECLINE_SHARE);
}

/** @param {ShopData} shop */
export function returns(shop) {
  returnsFlow(shop);
}

export function chat() {
  chatFlow();
}

export function teardown() {
  checkLedger();
}
