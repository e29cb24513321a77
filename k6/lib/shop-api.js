import { check } from 'k6';
import http from 'k6/http';
import { errorCode, get, idempotencyKey, json, send } from './api.js';

/** Test cards of the mock gateway (README, "Payment gateway"). */
export const APPROVED_CARD = '4242424242424242';
export const DECLINED_CARD = '4000000000000002';

/**
 * A card with an expiry three years ahead (`MMYY`), as a customer types it.
 *
 * @param {string} number
 */
export function card(number) {
  const year = String((new Date().getUTCFullYear() + 3) % 100).padStart(2, '0');
  return { holder: 'Load Test', number, expiry: `12${year}`, cvv: '123' };
}

/**
 * Checks the status of an answer, naming the step, and hands back its JSON body (null if not).
 *
 * @param {import('k6/http').Response} response
 * @param {number} status
 * @param {string} step
 * @returns {any}
 */
export function answer(response, status, step) {
  const passed = check(response, { [`${step} answers ${status}`]: (r) => r.status === status });
  return passed ? json(response) : null;
}

/** @param {string} token */
export function clearCart(token) {
  return answer(
    send('DELETE', '/cart', null, { token, name: 'DELETE /cart' }),
    200,
    'clearing the cart',
  );
}

/**
 * @param {string} token
 * @param {string} productId
 * @param {number} quantity
 */
export function addToCart(token, productId, quantity) {
  const response = send(
    'POST',
    '/cart/items',
    { productId, quantity },
    {
      token,
      name: 'POST /cart/items',
    },
  );
  return answer(response, 200, 'adding to the cart');
}

/**
 * @param {string} token
 * @param {string} productId
 * @param {number} quantity
 */
export function setQuantity(token, productId, quantity) {
  const response = send(
    'PATCH',
    `/cart/items/${productId}`,
    { quantity },
    {
      token,
      name: 'PATCH /cart/items/:productId',
    },
  );
  return answer(response, 200, 'changing a quantity');
}

/**
 * @param {string} token
 * @param {string} productId
 */
export function removeLine(token, productId) {
  const response = send('DELETE', `/cart/items/${productId}`, null, {
    token,
    name: 'DELETE /cart/items/:productId',
  });
  return answer(response, 200, 'removing a line');
}

/** @param {string} token */
export function readCart(token) {
  return answer(get('/cart', { token, name: 'GET /cart' }), 200, 'reading the cart');
}

/**
 * @param {string} token
 * @param {string} code
 */
export function applyPromoCode(token, code) {
  const response = send(
    'POST',
    '/cart/promo-code',
    { code },
    { token, name: 'POST /cart/promo-code' },
  );
  return answer(response, 200, 'applying a promo code');
}

/** @param {string} token */
export function placeOrder(token) {
  const response = send(
    'POST',
    '/orders',
    {},
    {
      token,
      name: 'POST /orders',
      idempotencyKey: idempotencyKey('order'),
    },
  );
  return answer(response, 201, 'creating the order');
}

/**
 * Pays with the approved test card: `{ payment, order }`.
 *
 * @param {string} token
 * @param {string} orderId
 */
export function payOrder(token, orderId) {
  const response = send(
    'POST',
    `/orders/${orderId}/pay`,
    { card: card(APPROVED_CARD) },
    {
      token,
      name: 'POST /orders/:id/pay',
      idempotencyKey: idempotencyKey('pay'),
    },
  );
  return answer(response, 200, 'paying the order');
}

/** A 402 is what a declined card should get: for that request it is no failure. */
const DECLINE_EXPECTED = http.expectedStatuses(402);

/**
 * Pays with the declined test card: the answer must be 402 `PAYMENT_DECLINED`, `card_declined`.
 *
 * @param {string} token
 * @param {string} orderId
 */
export function payWithDeclinedCard(token, orderId) {
  const response = send(
    'POST',
    `/orders/${orderId}/pay`,
    { card: card(DECLINED_CARD) },
    {
      token,
      name: 'POST /orders/:id/pay',
      idempotencyKey: idempotencyKey('pay'),
      expect: DECLINE_EXPECTED,
    },
  );
  const body = json(response);
  return check(response, {
    'a declined card answers 402 PAYMENT_DECLINED (card_declined)': (r) =>
      r.status === 402 &&
      errorCode(r) === 'PAYMENT_DECLINED' &&
      body.error.details[0].reason === 'card_declined',
  });
}

/**
 * @param {string} token
 * @param {string} orderId
 */
export function readOrder(token, orderId) {
  return answer(
    get(`/orders/${orderId}`, { token, name: 'GET /orders/:id' }),
    200,
    'reading the order',
  );
}

/**
 * The caller's newest orders.
 *
 * @param {string} token
 */
export function orderHistory(token) {
  const response = get('/orders?limit=5', { token, name: 'GET /orders' });
  return answer(response, 200, 'reading the order history');
}

/**
 * @param {string} token
 * @param {string} orderId
 * @param {{ productId: string, quantity: number }[]} items
 */
export function requestReturn(token, orderId, items) {
  const response = send(
    'POST',
    `/orders/${orderId}/returns`,
    { items, reason: 'Load test' },
    {
      token,
      name: 'POST /orders/:id/returns',
      idempotencyKey: idempotencyKey('return'),
    },
  );
  return answer(response, 201, 'asking for a return');
}

/**
 * As an admin: approves the return, which refunds it.
 *
 * @param {string} token
 * @param {string} returnId
 */
export function approveReturn(token, returnId) {
  const response = send(
    'POST',
    `/returns/${returnId}/approve`,
    {},
    {
      token,
      name: 'POST /returns/:id/approve',
      idempotencyKey: idempotencyKey('approve'),
    },
  );
  return answer(response, 200, 'approving the return');
}
