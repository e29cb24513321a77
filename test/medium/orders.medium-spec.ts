import { CartService } from '../../apps/api/src/cart/cart.service';
import { IdempotencyModule } from '../../apps/api/src/idempotency/idempotency.module';
import { NotificationsModule } from '../../apps/api/src/notifications/notifications.module';
import { OrderCreationService } from '../../apps/api/src/orders/order-creation.service';
import { OrderLifecycleService, SYSTEM } from '../../apps/api/src/orders/order-lifecycle.service';
import { OrderStatus } from '../../apps/api/src/orders/order-status';
import { OrderRepository } from '../../apps/api/src/orders/order.repository';
import { OrdersModule } from '../../apps/api/src/orders/orders.module';
import { overlapping, useMediumContext } from './support/medium-context';

/** Deterministic pseudo-random integers (mulberry32), so a failing sequence can be replayed. */
function seeded(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

describe('orders (medium)', () => {
  const context = useMediumContext([NotificationsModule, IdempotencyModule, OrdersModule]);

  const stockOf = async (id: string) =>
    (await context.connection.collection('products').findOne({ _id: id as never }))!
      .stock as number;

  /** Stock still on the shelf plus what pending orders hold, per product. */
  async function heldAndShelved(productIds: string[]): Promise<number[]> {
    const pending = await context.connection
      .collection('orders')
      .find({ status: 'pending' })
      .toArray();
    return Promise.all(
      productIds.map(async (id) => {
        const held = pending
          .flatMap((order) => order.lines)
          .filter((line) => line.productId === id)
          .reduce((sum, line) => sum + line.quantity, 0);
        return (await stockOf(id)) + held;
      }),
    );
  }

  it('keeps stock + units held by pending orders constant through random creates, cancels and expiries', async () => {
    const random = seeded(20261130);
    const products = await Promise.all(
      [10, 12, 7].map((stock) => context.factory.product({ stock })),
    );
    const ids = products.map((product) => product.id);
    const initial = await heldAndShelved(ids);
    const cart = context.get(CartService);
    const creation = context.get(OrderCreationService);
    const lifecycle = context.get(OrderLifecycleService);
    const orders: string[] = [];
    for (let step = 0; step < 60; step++) {
      const action = random(3);
      if (action === 0 || orders.length === 0) {
        const customer = `customer-${random(5)}`;
        await cart.empty(customer);
        const product = products[random(products.length)];
        await cart.add(customer, product.id, 1 + random(3)).catch(() => undefined);
        const created = await creation.create(customer).catch(() => null);
        if (created) orders.push(created._id);
      } else {
        const to = action === 1 ? OrderStatus.Cancelled : OrderStatus.Expired;
        await lifecycle.endUnpaid(orders[random(orders.length)], to, SYSTEM);
      }
      expect(await heldAndShelved(ids)).toEqual(initial);
    }
    expect(orders.length).toBeGreaterThan(5);
  });

  it('lets an order end in exactly one state when paid and expired at the same moment', async () => {
    const repository = context.get(OrderRepository);
    const lifecycle = context.get(OrderLifecycleService);
    const cart = context.get(CartService);
    const product = await context.factory.product({ stock: 50 });
    for (let round = 0; round < 10; round++) {
      const customer = `racer-${round}`;
      await cart.add(customer, product.id, 1);
      const order = await context.get(OrderCreationService).create(customer);
      const now = new Date();
      const { results, peak } = await overlapping(2, (index) =>
        index === 0
          ? repository.transition({
              id: order._id,
              expected: { status: OrderStatus.Pending },
              to: OrderStatus.Paid,
              by: customer,
              at: now,
              set: { paidAt: now },
            })
          : lifecycle.endUnpaid(order._id, OrderStatus.Expired, SYSTEM, now),
      );
      expect(peak).toBe(2);
      const winners = results.filter((result) => result.status === 'fulfilled' && result.value);
      expect(winners).toHaveLength(1);
      const stored = (await repository.findById(order._id))!;
      expect(stored.history).toHaveLength(2);
      expect([OrderStatus.Paid, OrderStatus.Expired]).toContain(stored.status);
    }
  });
});
