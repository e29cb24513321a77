import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { OrdersConfig, ordersConfig } from '../config/orders.config';
import { ScheduledJobs } from '../lifecycle/scheduled-jobs';
import { OrderLifecycleService, SYSTEM } from './order-lifecycle.service';
import { OrderStatus } from './order-status';
import { OrderRepository } from './order.repository';

/** Orders expired per run at most. */
const BATCH = 100;

/**
 * Expires pending orders unpaid after `ORDER_PAYMENT_TIMEOUT`, every `ORDER_EXPIRY_INTERVAL`,
 * giving back their stock and promo use. Each order is claimed by its conditional move, so
 * every instance may run the job and none releases anything twice.
 */
@Injectable()
export class OrderExpiryJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(OrderExpiryJob.name);

  constructor(
    private readonly orders: OrderRepository,
    private readonly lifecycle: OrderLifecycleService,
    private readonly jobs: ScheduledJobs,
    @Inject(ordersConfig.KEY) private readonly config: OrdersConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every('order-expiry', this.config.expiryIntervalMs, () => this.expireDue());
  }

  /** Expires what is due as of `now`; returns how many this instance expired. */
  async expireDue(now = new Date()): Promise<number> {
    let expired = 0;
    for (const id of await this.orders.findExpiredIds(now, BATCH)) {
      if (await this.lifecycle.endUnpaid(id, OrderStatus.Expired, SYSTEM, now)) expired++;
    }
    if (expired > 0) this.logger.log(`Expired ${expired} unpaid order(s)`);
    return expired;
  }
}
