import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@kassa/database';
import { ProductService } from '../catalog/products/product.service';
import { PromoCodeService } from '../discounts/promo-codes/promo-code.service';
import { OrderStatus } from './order-status';
import { OrderRecord, OrderRepository } from './order.repository';

/** Who ended an unpaid order: a user's id, or `system` for the expiry job. */
export const SYSTEM = 'system';

/**
 * Ends an unpaid order — cancelled by its customer or an admin, or expired by the job — and gives
 * back what it held, in one transaction: the move is the claim (a conditional update from
 * `pending`), so of several callers exactly one releases the stock and the promo use, once.
 */
@Injectable()
export class OrderLifecycleService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly products: ProductService,
    private readonly promoCodes: PromoCodeService,
    private readonly transactions: TransactionRunner,
  ) {}

  /** The ended order, or null when it was no longer pending. */
  endUnpaid(
    id: string,
    to: OrderStatus.Cancelled | OrderStatus.Expired,
    by: string,
    now = new Date(),
  ): Promise<OrderRecord | null> {
    return this.transactions.run(async () => {
      const ended = await this.orders.transition({
        id,
        expected: { status: OrderStatus.Pending },
        to,
        by,
        at: now,
      });
      if (!ended) return null;
      await this.products.releaseStock(ended.lines);
      if (ended.promo) await this.promoCodes.release(ended.promo.id, ended.customerId);
      return ended;
    });
  }
}
