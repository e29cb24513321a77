import { randomUUID } from 'node:crypto';
import { BenchContext } from './bench-case';
import { BenchCustomer } from './bench-customers';
import { jsonPost } from './cases';
import { FlowCase, FlowConnection } from './flow-case';

/** Lines of each flow's cart, each a product of its own worker. */
const CART_LINES = 3;
/** Stock of the flows' products: no order ever runs short. */
const AMPLE_STOCK = 1_000_000_000;
/** The processor's card that always captures (see the README's payment gateway section). */
const APPROVED_CARD_NUMBER = '4242424242424242';

/**
 * The flows of `npm run bench`, after the single-request cases: each worker is its own verified
 * customer with its own cart and products (stocked amply), and sends an `Idempotency-Key` with
 * every money-moving POST, as a careful client does.
 */
export const FLOW_CASES: FlowCase[] = [
  {
    kind: 'flow',
    name: 'checkout',
    iteration: `${CART_LINES} × POST /cart/items, POST /orders`,
    measured: 'POST /orders',
    setup: async (context, workers) => ({
      workers: (await shoppers(context, workers)).map((shopper) => async (connection, timed) => {
        await fillCart(connection, shopper);
        await timed(() => createOrder(connection, shopper));
      }),
    }),
  },
  {
    kind: 'flow',
    name: 'checkout-pay',
    iteration: `${CART_LINES} × POST /cart/items, POST /orders, POST /orders/:id/pay`,
    measured: 'POST /orders + POST /orders/:id/pay',
    setup: async (context, workers) => ({
      workers: (await shoppers(context, workers)).map((shopper) => async (connection, timed) => {
        await fillCart(connection, shopper);
        await timed(async () =>
          payOrder(connection, shopper, await createOrder(connection, shopper)),
        );
      }),
    }),
  },
  {
    kind: 'flow',
    name: 'return',
    iteration: `${CART_LINES} × POST /cart/items, POST /orders, POST /orders/:id/pay, POST /orders/:id/returns, POST /returns/:id/approve`,
    measured: 'POST /orders/:id/returns + POST /returns/:id/approve (admin)',
    setup: async (context, workers) => {
      const admin = { authorization: `Bearer ${await context.adminToken()}` };
      return {
        workers: (await shoppers(context, workers)).map((shopper) => async (connection, timed) => {
          await fillCart(connection, shopper);
          const orderId = await createOrder(connection, shopper);
          await payOrder(connection, shopper, orderId);
          await timed(async () => {
            const returned = await requestReturn(connection, shopper, orderId);
            await connection.send(jsonPost(`/returns/${returned}/approve`, {}, withKey(admin)));
          });
        }),
      };
    },
  },
];

/** One worker's customer and the products of its cart. */
export interface Shopper {
  customer: BenchCustomer;
  productIds: string[];
}

/**
 * The first `workers` bench customers, each with `CART_LINES` products of its own (taken in turn
 * from the visible catalog), amply stocked, and an empty cart.
 */
async function shoppers(context: BenchContext, workers: number): Promise<Shopper[]> {
  const customers = await context.customers();
  if (customers.length < workers) throw new Error(`${workers} workers need as many customers`);
  const assigned = assignProducts(customers.slice(0, workers), context.catalog.visibleProductIds);
  await context.db
    .collection<{ _id: string }>('products')
    .updateMany(
      { _id: { $in: assigned.flatMap((shopper) => shopper.productIds) } },
      { $set: { stock: AMPLE_STOCK } },
    );
  for (const { customer } of assigned) {
    await context.api.expectOk({ method: 'DELETE', path: '/cart', headers: customer.headers });
  }
  return assigned;
}

/** Deals `CART_LINES` products to each customer, in catalog order, round again when short. */
export function assignProducts(customers: BenchCustomer[], productIds: string[]): Shopper[] {
  if (productIds.length < CART_LINES) throw new Error(`a cart needs ${CART_LINES} products`);
  return customers.map((customer, worker) => ({
    customer,
    productIds: Array.from(
      { length: CART_LINES },
      (_, line) => productIds[(worker * CART_LINES + line) % productIds.length],
    ),
  }));
}

async function fillCart(connection: FlowConnection, { customer, productIds }: Shopper) {
  for (const productId of productIds) {
    await connection.send(jsonPost('/cart/items', { productId, quantity: 1 }, customer.headers));
  }
}

async function createOrder(connection: FlowConnection, { customer }: Shopper): Promise<string> {
  const order = await connection.send(jsonPost('/orders', {}, withKey(customer.headers)));
  return (order as { id: string }).id;
}

async function payOrder(connection: FlowConnection, { customer }: Shopper, orderId: string) {
  const body = { card: benchCard() };
  await connection.send(jsonPost(`/orders/${orderId}/pay`, body, withKey(customer.headers)));
}

async function requestReturn(
  connection: FlowConnection,
  { customer, productIds }: Shopper,
  orderId: string,
): Promise<string> {
  const body = { items: [{ productId: productIds[0], quantity: 1 }], reason: 'Bench return' };
  const request = jsonPost(`/orders/${orderId}/returns`, body, withKey(customer.headers));
  return ((await connection.send(request)) as { id: string }).id;
}

function withKey(headers: Record<string, string>): Record<string, string> {
  return { ...headers, 'idempotency-key': randomUUID() };
}

/** The approved test card, valid until the end of next year. */
export function benchCard(now = new Date()) {
  const year = String((now.getUTCFullYear() + 1) % 100).padStart(2, '0');
  return {
    holder: 'Bench Customer',
    number: APPROVED_CARD_NUMBER,
    expiry: `12${year}`,
    cvv: '123',
  };
}
