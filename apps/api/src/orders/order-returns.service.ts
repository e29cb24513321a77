import { Injectable } from '@nestjs/common';
import {
  NotFoundError,
  ReturnNotAllowedError,
  ReturnQuantityExceededError,
  ReturnRefusalReason,
} from '@kassa/common';
import { ProductService } from '../catalog/products/product.service';
import { OrderStatus } from './order-status';
import { OrderLine } from './schemas/order.schema';
import { OrderRecord, OrderRepository, ProductUnits } from './order.repository';
import { refundForUnits } from './return-refund';

/** The states in which an order takes returns. */
const RETURNABLE: OrderStatus[] = [OrderStatus.Paid, OrderStatus.PartiallyReturned];

/** Units of a product going back, with what they give back and the name they were bought by. */
export interface ReturnedUnits extends ProductUnits {
  model: string;
  refundCents: number;
}

/** Units set aside for a return, priced as if approved next, in the order's currency. */
export interface SetAside {
  currency: string;
  items: ReturnedUnits[];
}

/**
 * What returns need of orders: setting aside the units a customer asks back, counting them
 * returned (stock restored) with their cent-exact refund, and the move to `partially_returned`
 * or `returned` once refunds are made. Returns call it inside their own transaction; orders know
 * nothing of returns.
 */
@Injectable()
export class OrderReturnsService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly products: ProductService,
  ) {}

  /**
   * Sets aside `items` of the customer's order for a return asked at `now`: 404 when the order
   * is not theirs, 409 `RETURN_NOT_ALLOWED` when it takes no return (unpaid, fully returned,
   * paid longer than `windowMs` ago), 422 `RETURN_QUANTITY_EXCEEDED` naming every product asked
   * beyond what is returnable. Run it in a transaction: a refusal must undo the items set aside.
   */
  async setAside(
    customerId: string,
    orderId: string,
    items: ProductUnits[],
    windowMs: number,
    now: Date,
  ): Promise<SetAside> {
    const order = await this.orders.findById(orderId);
    if (!order || order.customerId !== customerId) throw new NotFoundError('Order', orderId);
    const refusal = refusalOf(order, windowMs, now);
    if (refusal) throw new ReturnNotAllowedError(orderId, refusal);
    const wanted = mergeByProduct(items);
    const excess = wanted.flatMap((units, index) => {
      const line = lineOf(order, units.productId);
      const returnable = line?.returnableQuantity ?? 0;
      return units.quantity > returnable ? [{ index, productId: units.productId, returnable }] : [];
    });
    if (excess.length > 0) throw new ReturnQuantityExceededError(excess);
    for (const [index, units] of wanted.entries()) {
      if (!(await this.orders.claimReturnable(orderId, units, RETURNABLE))) {
        const fresh = await this.orders.findById(orderId);
        const returnable = lineOf(fresh!, units.productId)!.returnableQuantity;
        throw new ReturnQuantityExceededError([{ index, productId: units.productId, returnable }]);
      }
    }
    return { currency: order.currency, items: priced(order, wanted) };
  }

  /** Gives rejected units back to what may still be asked back. */
  async release(orderId: string, items: readonly ProductUnits[]): Promise<void> {
    for (const units of items) await this.orders.releaseReturnable(orderId, units);
  }

  /**
   * Counts approved units as returned, restocks them and prices their refund exactly: the units
   * of a line give back, over all its returns, what the line paid. Run it in a transaction.
   */
  async receive(orderId: string, items: readonly ProductUnits[]): Promise<ReturnedUnits[]> {
    const order = await this.orders.findById(orderId);
    if (!order) throw new NotFoundError('Order', orderId);
    const returned = priced(order, items);
    for (const units of items) {
      const before = lineOf(order, units.productId)!.returnedQuantity;
      if (!(await this.orders.countReturned(orderId, units, before))) {
        throw new Error(`Order ${orderId} changed while receiving a return; run it again`);
      }
    }
    await this.products.releaseStock(items);
    return returned;
  }

  /**
   * Adds a refund to the order: `partially_returned`, or `returned` once every unit bought has
   * been refunded. Run it in the transaction that records the refund.
   */
  async refunded(
    orderId: string,
    cents: number,
    units: number,
    by: string,
    at: Date,
  ): Promise<OrderRecord> {
    const order = await this.orders.addRefund(orderId, cents, units);
    if (!order) throw new NotFoundError('Order', orderId);
    const bought = order.lines.reduce((sum, line) => sum + line.quantity, 0);
    const to =
      order.refundedQuantity >= bought ? OrderStatus.Returned : OrderStatus.PartiallyReturned;
    if (to === order.status) return order;
    const expected = { status: order.status };
    const moved = await this.orders.transition({ id: orderId, expected, to, by, at });
    if (!moved) throw new Error(`Order ${orderId} changed while recording a refund; run it again`);
    return moved;
  }
}

function refusalOf(order: OrderRecord, windowMs: number, now: Date): ReturnRefusalReason | null {
  if (order.status === OrderStatus.Returned) return 'FULLY_RETURNED';
  if (!RETURNABLE.includes(order.status) || !order.paidAt) return 'NOT_PAID';
  if (now.getTime() - order.paidAt.getTime() > windowMs) return 'WINDOW_CLOSED';
  return null;
}

function lineOf(order: OrderRecord, productId: string): OrderLine | undefined {
  return order.lines.find((line) => line.productId === productId);
}

/** One entry per product, in the order first asked, quantities summed. */
function mergeByProduct(items: readonly ProductUnits[]): ProductUnits[] {
  const merged = new Map<string, number>();
  for (const { productId, quantity } of items) {
    merged.set(productId, (merged.get(productId) ?? 0) + quantity);
  }
  return [...merged].map(([productId, quantity]) => ({ productId, quantity }));
}

/** The refund of each item, priced after the units of its line already returned. */
function priced(order: OrderRecord, items: readonly ProductUnits[]): ReturnedUnits[] {
  return items.map((units) => {
    const line = lineOf(order, units.productId)!;
    return {
      ...units,
      model: line.model,
      refundCents: refundForUnits(line, line.returnedQuantity, units.quantity),
    };
  });
}
