import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PaymentsConfig, paymentsConfig } from '../config/payments.config';
import { ScheduledJobs } from '../lifecycle/scheduled-jobs';
import { ReturnDecisionService } from './return-decision.service';
import { ReturnStatus } from './return-status';

/** Refunds retried per run at most. */
const BATCH = 50;

/**
 * The reconciler's part for returns: every `PAYMENT_RECONCILE_INTERVAL`, sends again the refunds
 * of approved returns that failed or were never sent (the process stopped between approval and
 * refund), under the same key. Each return is claimed by a conditional update, so every instance
 * may run the job.
 */
@Injectable()
export class ReturnRefundJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReturnRefundJob.name);

  constructor(
    private readonly decisions: ReturnDecisionService,
    private readonly jobs: ScheduledJobs,
    @Inject(paymentsConfig.KEY) private readonly config: PaymentsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every('return-refunds', this.config.reconcileIntervalMs, () => this.retryDue());
  }

  /** Retries the refunds due as of `now`; returns how many were made. */
  async retryDue(now = new Date()): Promise<number> {
    let refunded = 0;
    for (let count = 0; count < BATCH; count++) {
      const due = await this.decisions.claimDueRefund(now);
      if (!due) break;
      const after = await this.decisions.refund(due, now);
      if (after.status === ReturnStatus.Refunded) refunded++;
    }
    if (refunded > 0) this.logger.log(`Refunded ${refunded} approved return(s)`);
    return refunded;
  }
}
