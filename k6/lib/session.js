import { check, fail } from 'k6';
import { json, send } from './api.js';
import { ADMIN, CUSTOMER_PASSWORD, CUSTOMERS } from './config.js';

/** Access tokens live 15 minutes; a VU signs in again well before. */
const RENEW_AFTER_MS = 10 * 60 * 1000;

/**
 * This VU's tokens by username (each VU has its own copy of this module).
 *
 * @type {Record<string, { token: string, at: number }>}
 */
const sessions = {};

/**
 * Signs in and answers the access token; a refused login ends the iteration.
 *
 * @param {string} username
 * @param {string} password
 * @returns {string}
 */
export function login(username, password) {
  const response = send(
    'POST',
    '/auth/login',
    { username, password },
    { name: 'POST /auth/login' },
  );
  const body = json(response);
  const ok = check(response, {
    'login answers an access token': (r) =>
      r.status === 200 && body !== null && typeof body.accessToken === 'string',
  });
  if (!ok) fail(`login of ${username} answered ${response.status}`);
  return body.accessToken;
}

/**
 * A live access token of `username`, signing in on first use and when it gets old.
 *
 * @param {string} username
 * @param {string} password
 */
function tokenOf(username, password) {
  const session = sessions[username];
  if (session && Date.now() - session.at < RENEW_AFTER_MS) return session.token;
  const token = login(username, password);
  sessions[username] = { token, at: Date.now() };
  return token;
}

/**
 * The seeded customer of VU `vu`: `loadtest-0001` for VU 1, and so on.
 *
 * @param {number} vu
 */
export function customerOf(vu) {
  const number = ((vu - 1) % CUSTOMERS) + 1;
  return `loadtest-${String(number).padStart(4, '0')}`;
}

/** The access token of this VU's customer. */
export function customerToken() {
  return tokenOf(customerOf(__VU), CUSTOMER_PASSWORD);
}

/** The access token of the admin (ADMIN_USERNAME / ADMIN_PASSWORD, as the API was started). */
export function adminToken() {
  if (!ADMIN.password) {
    fail('ADMIN_PASSWORD is not set: pass the admin the API was started with (ADMIN_USERNAME too)');
  }
  return tokenOf(ADMIN.username, ADMIN.password);
}
