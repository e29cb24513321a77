// Customers work on their carts: add, change and remove lines, read the cart, apply a promo code.
import { cart } from './lib/flows/cart.js';
import {
  assertEnoughCustomers,
  COMMON_THRESHOLDS,
  groupDuration,
  rampingArrivalRate,
} from './lib/scenarios.js';
import { prepareShop } from './lib/shop-setup.js';

const scenarios = { cart: rampingArrivalRate('cart', 5) };
assertEnoughCustomers(scenarios);

/** @type {import('k6/options').Options} */
export const options = {
  scenarios,
  thresholds: { ...COMMON_THRESHOLDS, ...groupDuration('cart', 150) },
};

export function setup() {
  return prepareShop({ promoCode: true });
}

/** @param {import('./lib/shop-setup.js').ShopData} shop */
export default function (shop) {
  cart(shop);
}
