// Customers order a three-line cart and pay it with the mock gateway's test cards; a share of
// them is declined first (402 PAYMENT_DECLINED, an expected answer) and pays with another card.
import { DECLINE_SHARE } from './lib/config.js';
import { checkout } from './lib/flows/checkout.js';
import {
  assertEnoughCustomers,
  COMMON_THRESHOLDS,
  groupDuration,
  rampingArrivalRate,
} from './lib/scenarios.js';
import { checkLedger, prepareShop } from './lib/shop-setup.js';

const scenarios = { checkout: rampingArrivalRate('checkout', 3) };
assertEnoughCustomers(scenarios);

/** @type {import('k6/options').Options} */
export const options = {
  scenarios,
  thresholds: { ...COMMON_THRESHOLDS, ...groupDuration('checkout', 250) },
};

export function setup() {
  return prepareShop({ promoCode: false });
}

/** @param {import('./lib/shop-setup.js').ShopData} shop */
export default function (shop) {
  checkout(shop, Math.random() < DECLINE_SHARE);
}

export function teardown() {
  checkLedger();
}
