import { check } from 'k6';
import { cents, sumOf } from '../money.js';
import { addToCart, clearCart } from '../shop-api.js';

/**
 * @typedef {import('../shop-setup.js').Product} Product
 *
 * @typedef {object} CartLine
 * @property {string} productId
 * @property {number} quantity
 * @property {string} unitPrice
 * @property {string} lineTotal
 * @property {{ amount: string } | null} discount
 * @property {boolean} available
 *
 * @typedef {object} CartView
 * @property {CartLine[]} lines
 * @property {string} subtotal
 * @property {string} total
 * @property {number} itemCount
 * @property {{ code: string, applied: boolean, discount: string } | null} promoCode
 */

/**
 * `count` different products of `products`, at random.
 *
 * @param {Product[]} products
 * @param {number} count
 * @returns {Product[]}
 */
export function distinctProducts(products, count) {
  const remaining = products.slice();
  const chosen = [];
  while (chosen.length < count) {
    chosen.push(remaining.splice(Math.floor(Math.random() * remaining.length), 1)[0]);
  }
  return chosen;
}

/**
 * Checks that the cart holds exactly `expected` (product id → quantity), every line available
 * at its catalog price times its quantity less its product discount, and that the subtotal is
 * the sum of the lines.
 *
 * @param {CartView | null} view
 * @param {Record<string, number>} expected
 * @param {Product[]} products
 * @param {string} step
 * @returns {view is CartView}
 */
export function checkCart(view, expected, products, step) {
  /** @param {CartLine} line */
  const priced = (line) => {
    const product = products.find((each) => each.id === line.productId);
    const discount = line.discount ? cents(line.discount.amount) : 0;
    return (
      product !== undefined &&
      line.unitPrice === product.price &&
      cents(line.lineTotal) === cents(line.unitPrice) * line.quantity - discount
    );
  };
  return check(view, {
    [`${step}: the cart holds the lines asked for`]: (v) =>
      v !== null &&
      v.lines.length === Object.keys(expected).length &&
      v.lines.every((line) => line.available && expected[line.productId] === line.quantity),
    [`${step}: each line costs its catalog price times its quantity`]: (v) =>
      v !== null && v.lines.every(priced),
    [`${step}: the subtotal is the sum of the lines`]: (v) =>
      v !== null && cents(v.subtotal) === sumOf(v.lines.map((line) => line.lineTotal)),
  });
}

/**
 * Empties the cart, then adds each product with its quantity; answers the last view of the cart.
 *
 * @param {string} token
 * @param {{ product: Product, quantity: number }[]} lines
 * @param {Product[]} products
 * @returns {CartView | null}
 */
export function fillCart(token, lines, products) {
  const emptied = clearCart(token);
  check(emptied, {
    'a cleared cart is empty': (v) => v !== null && v.lines.length === 0 && v.total === '0.00',
  });
  /** @type {CartView | null} */
  let view = null;
  /** @type {Record<string, number>} */
  const expected = {};
  for (const { product, quantity } of lines) {
    view = addToCart(token, product.id, quantity);
    expected[product.id] = quantity;
  }
  return checkCart(view, expected, products, 'after filling') ? view : null;
}
