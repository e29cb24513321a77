// Customers buy, pay and send a unit back; an admin approves, and the refund is checked.
import { returns } from './lib/flows/returns.js';
import { assertEnoughCustomers, COMMON_THRESHOLDS, rampingArrivalRate } from './lib/scenarios.js';
import { checkLedger, prepareShop } from './lib/shop-setup.js';

const scenarios = { returns: rampingArrivalRate('returns', 1) };
assertEnoughCustomers(scenarios);

/** @type {import('k6/options').Options} */
export const options = { scenarios, thresholds: COMMON_THRESHOLDS };

export function setup() {
  return prepareShop({ promoCode: false });
}

/** @param {import('./lib/shop-setup.js').ShopData} shop */
export default function (shop) {
  returns(shop);
}

export function teardown() {
  checkLedger();
}
