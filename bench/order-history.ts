import { randomUUID } from 'node:crypto';
import { Db } from 'mongodb';
import { OrderStatus } from '../apps/api/src/orders/order-status';
import type { Order } from '../apps/api/src/orders/schemas/order.schema';

const INSERT_BATCH = 1_000;
/** The shop currency of the benchmarked API (`SHOP_CURRENCY` left at its default). */
const SHOP_CURRENCY = 'USD';
const DAY_MS = 86_400_000;
/** Past orders are spread over this many days before now. */
const HISTORY_DAYS = 90;

/** What a past order's line copies from its product. */
export interface HistoryProduct {
  _id: string;
  model: string;
  brandId: string;
  categoryId: string;
  priceCents: number;
}

/**
 * `count` paid orders of one line each, as the API stores them once paid, dealt round-robin to
 * the customers and over the products, created at even steps over the last 90 days.
 */
export function buildOrderHistory(
  customerIds: string[],
  products: HistoryProduct[],
  count: number,
  currency: string,
  now: Date,
): Order[] {
  if (count > 0 && (customerIds.length === 0 || products.length === 0)) {
    throw new Error('past orders need customers and products');
  }
  return Array.from({ length: count }, (_, index): Order => {
    const customerId = customerIds[index % customerIds.length];
    const product = products[index % products.length];
    const createdAt = new Date(now.getTime() - ((count - index) * HISTORY_DAYS * DAY_MS) / count);
    return {
      _id: randomUUID(),
      customerId,
      status: OrderStatus.Paid,
      lines: [
        {
          productId: product._id,
          model: product.model,
          brandId: product.brandId,
          categoryId: product.categoryId,
          quantity: 1,
          unitPriceCents: product.priceCents,
          discount: null,
          lineTotalCents: product.priceCents,
          promoShareCents: 0,
          returnableQuantity: 1,
          returnedQuantity: 0,
        },
      ],
      subtotalCents: product.priceCents,
      promo: null,
      discountTotalCents: 0,
      totalCents: product.priceCents,
      currency,
      note: '',
      history: [
        { status: OrderStatus.Pending, at: createdAt, by: customerId },
        { status: OrderStatus.Paid, at: createdAt, by: 'system' },
      ],
      expiresAt: createdAt,
      paidAt: createdAt,
      chargeInProgress: false,
      refundedCents: 0,
      refundedQuantity: 0,
      createdAt,
      updatedAt: createdAt,
    };
  });
}

/** Inserts `count` past orders of the customers, over the first products of the catalog. */
export async function insertOrderHistory(
  db: Db,
  customerIds: string[],
  productIds: string[],
  count: number,
): Promise<void> {
  if (count === 0) return;
  const products = await db
    .collection<HistoryProduct>('products')
    .find(
      { _id: { $in: productIds.slice(0, 100) } },
      { projection: { model: 1, brandId: 1, categoryId: 1, priceCents: 1 } },
    )
    .toArray();
  const orders = buildOrderHistory(customerIds, products, count, SHOP_CURRENCY, new Date());
  for (let start = 0; start < orders.length; start += INSERT_BATCH) {
    await db.collection<Order>('orders').insertMany(orders.slice(start, start + INSERT_BATCH));
  }
}
