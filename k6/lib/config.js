// Settings of every scenario, from `__ENV` (k6 passes the shell's environment and `-e NAME=value`).

/**
 * @param {string} name
 * @param {string} fallback
 * @returns {string}
 */
function text(name, fallback) {
  const value = __ENV[name];
  return value === undefined || value === '' ? fallback : value;
}

/**
 * @param {string} name
 * @param {number} fallback
 * @returns {number}
 */
function number(name, fallback) {
  const value = Number(text(name, String(fallback)));
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${name} must be a number of at least 0, not ${__ENV[name]}`);
  }
  return value;
}

export const BASE_URL = text('BASE_URL', 'http://localhost:3000').replace(/\/+$/, '');

/** The admin the API seeds from its own ADMIN_USERNAME / ADMIN_PASSWORD. */
export const ADMIN = {
  username: text('ADMIN_USERNAME', 'admin'),
  password: text('ADMIN_PASSWORD', ''),
};

/** The customers of `npm run seed -- --customers N`: loadtest-0001 … loadtest-N. */
export const CUSTOMERS = number('CUSTOMERS', 200);
export const CUSTOMER_PASSWORD = text('CUSTOMER_PASSWORD', 'loadtest-password');

/** Share of checkouts whose first card is declined (then paid with a good card). */
export const DECLINE_SHARE = number('DECLINE_SHARE', 0.1);

/** Ramp-up time, time held at the rate, and the most VUs a scenario may use. */
export const RAMP_UP = text('RAMP_UP', '30s');
export const HOLD = text('HOLD', '1m');
export const MAX_VUS = number('MAX_VUS', 40);

/**
 * Iterations per second a scenario ramps up to: `<NAME>_RATE` (`BROWSE_RATE`, `CART_RATE`, …).
 *
 * @param {string} scenario
 * @param {number} fallback
 * @returns {number}
 */
export function rateOf(scenario, fallback) {
  return number(`${scenario.toUpperCase()}_RATE`, fallback);
}
