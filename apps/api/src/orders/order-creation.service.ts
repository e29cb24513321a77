import { Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { CartEmptyError, InsufficientStockError, ProductUnavailableError } from '@kassa/common';
import { TransactionRunner } from '@kassa/database';
import { CartService, PricedCartOf } from '../cart/cart.service';
import { PricedCart, PricedLine } from '../cart/pricing/price-cart';
import { ProductService } from '../catalog/products/product.service';
import { CatalogConfig, catalogConfig } from '../config/catalog.config';
import { OrdersConfig, ordersConfig } from '../config/orders.config';
import { PromoCodeService } from '../discounts/promo-codes/promo-code.service';
import { OutboxService } from '../outbox/outbox.service';
import { UserAccounts } from '../users/user-accounts.service';
import { newOrderMail } from './order-mail';
import { NewOrder, OrderRecord, OrderRepository } from './order.repository';
import { MetricsService } from '../metrics/metrics.service';

/** The refusal for a line that cannot be bought, naming the product. */
function unavailableLineError(line: PricedLine) {
  const { reason, availableQuantity } = line.unavailable!;
  if (reason === 'INSUFFICIENT_STOCK')
    return new InsufficientStockError(line.productId, availableQuantity ?? 0);
  return new ProductUnavailableError(
    line.productId,
    reason === 'INACTIVE' ? 'INACTIVE' : 'ARCHIVED',
  );
}

/**
 * Turns the caller's cart into an order, in one transaction: priced by the cart's own pricing
 * function (so the order costs what the cart showed), promo use counted with conditional
 * increments (a code whose last use went to another order meanwhile prices the order without
 * it), stock reserved line by line with conditional updates (never oversold; one short line
 * refuses the order and nothing stays reserved), the cart emptied, and the admins' mail queued.
 */
@Injectable()
export class OrderCreationService {
  private readonly created: Counter;

  constructor(
    private readonly orders: OrderRepository,
    private readonly cart: CartService,
    private readonly products: ProductService,
    private readonly promoCodes: PromoCodeService,
    private readonly accounts: UserAccounts,
    private readonly outbox: OutboxService,
    private readonly transactions: TransactionRunner,
    @Inject(catalogConfig.KEY) private readonly catalog: CatalogConfig,
    @Inject(ordersConfig.KEY) private readonly config: OrdersConfig,
    metrics: MetricsService,
  ) {
    this.created = metrics.counter('kassa_orders_created_total', 'Orders created from carts');
  }

  async create(customerId: string): Promise<OrderRecord> {
    const order = await this.transactions.run(async () => {
      const now = new Date();
      const priced = await this.pricedWithPromoClaimed(
        customerId,
        await this.cart.priceFor(customerId, now),
        now,
      );
      const blocked = priced.lines.find((line) => line.unavailable);
      if (blocked) throw unavailableLineError(blocked);
      if (priced.lines.length === 0) throw new CartEmptyError();
      await this.products.reserveStock(priced.lines);
      const order = await this.orders.create(
        this.snapshot(customerId, priced, now),
        customerId,
        now,
      );
      await this.cart.empty(customerId);
      const admins = await this.accounts.activeAdminEmails();
      if (admins.length > 0)
        await this.outbox.enqueue('order-created', newOrderMail(order, admins), now);
      return order;
    });
    this.created.inc();
    return order;
  }

  /** The cart's pricing, with the promo use taken, or priced without the code when none is left. */
  private async pricedWithPromoClaimed(
    customerId: string,
    current: PricedCartOf,
    now: Date,
  ): Promise<PricedCart> {
    const { priced, promo } = current;
    if (!promo || !priced.promo?.applied || priced.lines.some((line) => line.unavailable))
      return priced;
    const refusal = await this.promoCodes.claim(promo, customerId);
    if (!refusal) return priced;
    return (await this.cart.priceFor(customerId, now, { withoutPromo: true })).priced;
  }

  private snapshot(customerId: string, priced: PricedCart, now: Date): NewOrder {
    return {
      customerId,
      lines: priced.lines.map((line) => ({
        productId: line.productId,
        model: line.product!.model,
        brandId: line.product!.brandId,
        categoryId: line.product!.categoryId,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        discount: line.discount && { ...line.discount },
        lineTotalCents: line.lineTotalCents,
        promoShareCents: line.promoShareCents,
        returnableQuantity: line.quantity,
        returnedQuantity: 0,
      })),
      subtotalCents: priced.subtotalCents,
      promo: priced.promo?.applied
        ? {
            id: priced.promo.id,
            code: priced.promo.code,
            discountCents: priced.promo.discountCents,
          }
        : null,
      discountTotalCents: priced.discountTotalCents,
      totalCents: priced.totalCents,
      currency: this.catalog.currency,
      expiresAt: new Date(now.getTime() + this.config.paymentTimeoutMs),
    };
  }
}
