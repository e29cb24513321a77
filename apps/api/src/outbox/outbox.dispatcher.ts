import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { OrdersConfig, ordersConfig } from '../config/orders.config';
import { scheduleIntervalJob } from '../jobs/interval-job';
import { OutboxService } from './outbox.service';

/** Sends due outbox messages every `OUTBOX_DISPATCH_INTERVAL`, on every instance. */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap {
  constructor(
    private readonly outbox: OutboxService,
    private readonly scheduler: SchedulerRegistry,
    @Inject(ordersConfig.KEY) private readonly config: OrdersConfig,
  ) {}

  onApplicationBootstrap(): void {
    scheduleIntervalJob(
      this.scheduler,
      'outbox-dispatch',
      this.config.outboxDispatchIntervalMs,
      () => this.outbox.dispatchDue(),
    );
  }
}
