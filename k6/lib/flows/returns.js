import { check, group } from 'k6';
import { cents } from '../money.js';
import { adminToken, customerToken } from '../session.js';
import { approveReturn, payOrder, placeOrder, readOrder, requestReturn } from '../shop-api.js';
import { distinctProducts, fillCart } from './purchase.js';

/** @typedef {import('./checkout.js').Order} Order */

/**
 * A customer buys two units of one product and one of another and pays, then sends one unit back:
 * the return is worth that unit's share of what its line paid; an admin approves it, the refund
 * goes to the card and the order shows it.
 *
 * @param {import('../shop-setup.js').ShopData} shop
 */
export function returns(shop) {
  const token = customerToken();
  const admin = adminToken();
  group('returns', () => {
    const [returned, kept] = distinctProducts(shop.products, 2);
    const lines = [
      { product: returned, quantity: 2 },
      { product: kept, quantity: 1 },
    ];
    if (fillCart(token, lines, shop.products) === null) return;
    /** @type {Order | null} */
    const order = placeOrder(token);
    if (order === null) return;
    const paid = payOrder(token, order.id);
    if (
      !check(paid, {
        'the order to return is paid': (p) => p !== null && p.order.status === 'paid',
      })
    ) {
      return;
    }
    const line = order.lines.find((each) => each.productId === returned.id);
    if (line === undefined) return;
    const worth = Math.floor((cents(line.total) * 1) / line.quantity);
    const asked = requestReturn(token, order.id, [{ productId: returned.id, quantity: 1 }]);
    if (
      !check(asked, {
        'a return is asked for one unit, worth its share of what the line paid': (r) =>
          r !== null && r.status === 'requested' && cents(r.amount) === worth,
      })
    ) {
      return;
    }
    check(approveReturn(admin, asked.id), {
      'the approved return is refunded to the card': (r) =>
        r !== null &&
        r.status === 'refunded' &&
        r.amount === asked.amount &&
        r.refund.gatewayRefundId !== null,
    });
    /** @type {Order | null} */
    const after = readOrder(token, order.id);
    check(after, {
      'the order is partially returned and shows the refund': (o) =>
        o !== null &&
        o.status === 'partially_returned' &&
        o.refunded === asked.amount &&
        o.lines.some((each) => each.productId === returned.id && each.returnedQuantity === 1),
    });
  });
}
