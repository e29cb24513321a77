import { check, group } from 'k6';
import { customerToken } from '../session.js';
import { orderHistory, payOrder, payWithDeclinedCard, placeOrder, readOrder } from '../shop-api.js';
import { distinctProducts, fillCart } from './purchase.js';

/**
 * @typedef {object} OrderLine
 * @property {string} productId
 * @property {number} quantity
 * @property {string} lineTotal
 * @property {string} total
 * @property {number} returnedQuantity
 *
 * @typedef {object} Order
 * @property {string} id
 * @property {string} status
 * @property {string} total
 * @property {string} refunded
 * @property {OrderLine[]} lines
 */

/**
 * A customer fills a cart with three products, orders it and pays; with `declineFirst` the first
 * card is declined (402, the order stays payable) and a second card pays. Then the order history
 * must start with the paid order.
 *
 * @param {import('../shop-setup.js').ShopData} shop
 * @param {boolean} declineFirst
 */
export function checkout(shop, declineFirst) {
  const token = customerToken();
  group('checkout', () => {
    const lines = distinctProducts(shop.products, 3).map((product) => ({ product, quantity: 1 }));
    const cart = fillCart(token, lines, shop.products);
    if (cart === null) return;
    /** @type {Order | null} */
    const order = placeOrder(token);
    if (order === null) return;
    check(order, {
      'a new order is pending and costs what the cart showed': (o) =>
        o.status === 'pending' && o.total === cart.total && o.lines.length === 3,
      'each order line costs what its cart line did': (o) =>
        o.lines.every((line) =>
          cart.lines.some(
            (each) =>
              each.productId === line.productId &&
              each.quantity === line.quantity &&
              each.lineTotal === line.lineTotal,
          ),
        ),
    });
    if (declineFirst && payWithDeclinedCard(token, order.id)) {
      check(readOrder(token, order.id), {
        'an order whose card was declined stays pending': (o) =>
          o !== null && o.status === 'pending',
      });
    }
    check(payOrder(token, order.id), {
      'the payment captures the order total and the order is paid': (p) =>
        p !== null &&
        p.payment.status === 'paid' &&
        p.payment.amount === order.total &&
        p.payment.card.last4 === '4242' &&
        p.order.status === 'paid',
    });
    check(orderHistory(token), {
      'the order history starts with the paid order': (h) =>
        h !== null &&
        h.items.length > 0 &&
        h.items[0].id === order.id &&
        h.items[0].status === 'paid' &&
        h.items[0].total === order.total,
    });
  });
}
