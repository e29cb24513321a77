import http from 'k6/http';
import { BASE_URL } from './config.js';

/**
 * @typedef {object} RequestOptions
 * @property {string} name The `name` tag: the route, so ids do not make one series per URL.
 * @property {string} [token] An access token, sent as `Authorization: Bearer …`.
 * @property {string} [idempotencyKey] Sent as `Idempotency-Key` (money-moving POSTs).
 * @property {Record<string, string>} [headers]
 * @property {import('k6/http').Params['responseCallback']} [expect] The statuses that count as
 *   success for this request, when a business answer such as 402 is the expected one.
 */

/**
 * @param {RequestOptions} options
 * @param {boolean} hasBody
 * @returns {import('k6/http').Params}
 */
function paramsOf(options, hasBody) {
  /** @type {Record<string, string>} */
  const headers = { ...options.headers };
  if (hasBody) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  /** @type {import('k6/http').Params} */
  const params = { headers, tags: { name: options.name } };
  if (options.expect) params.responseCallback = options.expect;
  return params;
}

/**
 * @param {string} path
 * @param {RequestOptions} options
 */
export function get(path, options) {
  return http.get(BASE_URL + path, paramsOf(options, false));
}

/**
 * A request with an optional JSON body.
 *
 * @param {'POST' | 'PATCH' | 'PUT' | 'DELETE'} method
 * @param {string} path
 * @param {object | null} body
 * @param {RequestOptions} options
 */
export function send(method, path, body, options) {
  const payload = body === null ? null : JSON.stringify(body);
  return http.request(method, BASE_URL + path, payload, paramsOf(options, body !== null));
}

/**
 * The JSON body of a response, or null when it has none.
 *
 * @param {import('k6/http').Response} response
 * @returns {any}
 */
export function json(response) {
  try {
    return response.json();
  } catch (error) {
    return null;
  }
}

/**
 * The error code of an error answer (`{ error: { code } }`), or null.
 *
 * @param {import('k6/http').Response} response
 * @returns {string | null}
 */
export function errorCode(response) {
  const body = json(response);
  return body && body.error ? body.error.code : null;
}

/**
 * `?a=1&filter%5Bprice%5D%5Blte%5D=100`: names and values percent-encoded (brackets included).
 *
 * @param {Record<string, string | number>} parameters
 */
export function query(parameters) {
  const pairs = Object.keys(parameters).map(
    (name) => `${encodeURIComponent(name)}=${encodeURIComponent(String(parameters[name]))}`,
  );
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}

/**
 * A key no other request of the run uses: the VU, its iteration, the time and a random part.
 *
 * @param {string} purpose
 */
export function idempotencyKey(purpose) {
  const random = Math.random().toString(36).slice(2, 10);
  return `${purpose}-${__VU}-${__ITER}-${Date.now()}-${random}`;
}

/**
 * One of `items`, at random.
 *
 * @template T
 * @param {T[]} items
 * @returns {T}
 */
export function pick(items) {
  return items[Math.floor(Math.random() * items.length)];
}
