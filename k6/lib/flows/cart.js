import { check, group } from 'k6';
import { cents, percentOf } from '../money.js';
import { customerToken } from '../session.js';
import { applyPromoCode, readCart, removeLine, setQuantity } from '../shop-api.js';
import { PROMO_PERCENT } from '../shop-setup.js';
import { checkCart, distinctProducts, fillCart } from './purchase.js';

/** @typedef {import('./purchase.js').CartView} CartView */

/**
 * A customer works on the cart: three products in, one quantity changed, one line out, the cart
 * read back and the run's promo code applied; each answer is checked line by line.
 *
 * @param {import('../shop-setup.js').ShopData} shop
 */
export function cart(shop) {
  const token = customerToken();
  group('cart', () => {
    const [first, second, third] = distinctProducts(shop.products, 3);
    const filled = fillCart(
      token,
      [
        { product: first, quantity: 2 },
        { product: second, quantity: 1 },
        { product: third, quantity: 1 },
      ],
      shop.products,
    );
    if (filled === null) return;
    const changed = setQuantity(token, second.id, 3);
    const expected = { [first.id]: 2, [second.id]: 3, [third.id]: 1 };
    checkCart(changed, expected, shop.products, 'after a quantity change');
    delete expected[third.id];
    checkCart(removeLine(token, third.id), expected, shop.products, 'after removing a line');
    /** @type {CartView | null} */
    const view = readCart(token);
    check(view, {
      'the cart counts its units and costs its subtotal': (v) =>
        v !== null && v.itemCount === 5 && v.total === v.subtotal && v.promoCode === null,
    });
    if (shop.promoCode === null) return;
    /** @type {CartView | null} */
    const promoted = applyPromoCode(token, shop.promoCode);
    check(promoted, {
      'the promo code takes its percentage off the subtotal': (v) =>
        v !== null &&
        v.promoCode !== null &&
        v.promoCode.applied &&
        cents(v.promoCode.discount) === percentOf(cents(v.subtotal), PROMO_PERCENT) &&
        cents(v.total) === cents(v.subtotal) - cents(v.promoCode.discount),
    });
  });
}
