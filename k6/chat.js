// Customers ask the support chat over socket.io (the wire protocol by hand on k6/ws), then read
// the conversation back over REST.
import { chat } from './lib/flows/chat.js';
import { assertEnoughCustomers, COMMON_THRESHOLDS, rampingArrivalRate } from './lib/scenarios.js';

const scenarios = { chat: rampingArrivalRate('chat', 1) };
assertEnoughCustomers(scenarios);

/** @type {import('k6/options').Options} */
export const options = { scenarios, thresholds: COMMON_THRESHOLDS };

export default function () {
  chat();
}
