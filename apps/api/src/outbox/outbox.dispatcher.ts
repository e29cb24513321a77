import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { OrdersConfig, ordersConfig } from '../config/orders.config';
import { ScheduledJobs } from '../lifecycle/scheduled-jobs';
import { OutboxService } from './outbox.service';

/** Sends due outbox messages every `OUTBOX_DISPATCH_INTERVAL`, on every instance. */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap {
  constructor(
    private readonly outbox: OutboxService,
    private readonly jobs: ScheduledJobs,
    @Inject(ordersConfig.KEY) private readonly config: OrdersConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every('outbox-dispatch', this.config.outboxDispatchIntervalMs, () =>
      this.outbox.dispatchDue(),
    );
  }
}
