import { OrderStatus } from '../apps/api/src/orders/order-status';
import { buildOrderHistory, HistoryProduct } from './order-history';

const NOW = new Date('2026-06-01T00:00:00Z');

function product(id: string, priceCents: number): HistoryProduct {
  return { _id: id, model: `Model ${id}`, brandId: 'brand', categoryId: 'category', priceCents };
}

describe(buildOrderHistory.name, () => {
  const orders = buildOrderHistory(
    ['c1', 'c2'],
    [product('p1', 1000), product('p2', 2550)],
    4,
    'USD',
    NOW,
  );

  it('deals paid orders round-robin to the customers and over the products', () => {
    expect(orders.map((order) => order.customerId)).toEqual(['c1', 'c2', 'c1', 'c2']);
    expect(orders.map((order) => order.lines[0].productId)).toEqual(['p1', 'p2', 'p1', 'p2']);
    expect(orders.every((order) => order.status === OrderStatus.Paid)).toBe(true);
    expect(new Set(orders.map((order) => order._id)).size).toBe(4);
  });

  it('keeps the money of each order consistent, as the API stores a paid order', () => {
    const order = orders[1];
    expect(order).toMatchObject({
      subtotalCents: 2550,
      totalCents: 2550,
      discountTotalCents: 0,
      currency: 'USD',
      refundedCents: 0,
    });
    expect(order.lines[0]).toMatchObject({
      quantity: 1,
      unitPriceCents: 2550,
      lineTotalCents: 2550,
      returnableQuantity: 1,
      returnedQuantity: 0,
    });
    expect(order.history.map((entry) => entry.status)).toEqual([
      OrderStatus.Pending,
      OrderStatus.Paid,
    ]);
  });

  it('spreads the orders over the last 90 days, oldest first', () => {
    const times = orders.map((order) => order.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBe(NOW.getTime() - 90 * 86_400_000);
    expect(times[3]).toBeLessThan(NOW.getTime());
  });

  it('refuses orders without customers or products to deal them to', () => {
    expect(() => buildOrderHistory([], [product('p1', 1)], 1, 'USD', NOW)).toThrow(
      'past orders need customers and products',
    );
    expect(buildOrderHistory([], [], 0, 'USD', NOW)).toEqual([]);
  });
});
