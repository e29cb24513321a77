import { CUSTOMERS, HOLD, MAX_VUS, RAMP_UP, rateOf } from './config.js';

/**
 * A `ramping-arrival-rate` scenario: from 0 to `<NAME>_RATE` iterations per second over `RAMP_UP`,
 * held for `HOLD`; `exec` names the exported function it runs.
 *
 * @param {string} name
 * @param {number} defaultRate
 * @param {string} [exec]
 * @returns {import('k6/options').RampingArrivalRateScenario}
 */
export function rampingArrivalRate(name, defaultRate, exec = 'default') {
  const rate = rateOf(name, defaultRate);
  return {
    executor: 'ramping-arrival-rate',
    exec,
    startRate: 0,
    timeUnit: '1s',
    preAllocatedVUs: Math.min(MAX_VUS, Math.max(1, Math.ceil(rate))),
    maxVUs: MAX_VUS,
    stages: [
      { duration: RAMP_UP, target: rate },
      { duration: HOLD, target: rate },
    ],
  };
}

/**
 * Each VU signs in as the customer of its number (its cart is its own), and VU numbers run across
 * all the scenarios of a script: their VUs together may not outnumber the seeded customers.
 *
 * @param {Record<string, import('k6/options').RampingArrivalRateScenario>} scenarios
 */
export function assertEnoughCustomers(scenarios) {
  const vus = Object.values(scenarios).reduce(
    (sum, scenario) => sum + (scenario.maxVUs ?? scenario.preAllocatedVUs),
    0,
  );
  if (vus > CUSTOMERS) {
    throw new Error(
      `the scenarios may use ${vus} VUs but CUSTOMERS=${CUSTOMERS}: ` +
        `seed more (npm run seed -- --customers ${vus}) or lower MAX_VUS`,
    );
  }
}

/** Every script: no failed request, every business check holds. */
export const COMMON_THRESHOLDS = {
  http_req_failed: ['rate<0.001'],
  checks: ['rate>0.999'],
};

/**
 * The p(95) limit of the requests in one flow's group (login and setup stay outside it).
 *
 * @param {string} group
 * @param {number} milliseconds
 */
export function groupDuration(group, milliseconds) {
  return { [`http_req_duration{group:::${group}}`]: [`p(95)<${milliseconds}`] };
}
