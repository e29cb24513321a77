import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PaymentGatewayClient } from '@kassa/payment-gateway';
import { PaymentsConfig, paymentsConfig } from '../../config/payments.config';
import { ScheduledJobs } from '../../lifecycle/scheduled-jobs';
import { CardChargeRepository } from '../charges/card-charge.repository';
import { ChargeSettlementService } from '../charges/charge-settlement.service';
import { PAYMENT_GATEWAY } from '../gateway/payment-gateway.provider';

/** Charges and refunds handled per run at most. */
const BATCH = 50;
/** A charge or refund still unsettled after a check is asked about again this much later. */
const RECHECK_MS = 30_000;

/**
 * Settles what the request path left in doubt, every `PAYMENT_RECONCILE_INTERVAL`: a charge still
 * `processing` past its check time is looked up at the gateway by its reference — captured there,
 * it is settled as paid (and refunded if its order was cancelled meanwhile); unknown there, it
 * ends and its order may be paid again. Refunds not confirmed yet are sent again under their key.
 * Each item is claimed by a conditional update, so every instance may run the job.
 */
@Injectable()
export class PaymentReconcilerJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(PaymentReconcilerJob.name);

  constructor(
    private readonly charges: CardChargeRepository,
    private readonly settlement: ChargeSettlementService,
    private readonly jobs: ScheduledJobs,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGatewayClient,
    @Inject(paymentsConfig.KEY) private readonly config: PaymentsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.every('payment-reconcile', this.config.reconcileIntervalMs, () => this.reconcile());
  }

  /** Settles what is due as of `now`; returns how many charges and refunds it settled. */
  async reconcile(now = new Date()): Promise<number> {
    let settled = 0;
    const next = new Date(now.getTime() + RECHECK_MS);
    for (let count = 0; count < BATCH; count++) {
      const charge = await this.charges.claimDueCheck(now, next);
      if (!charge) break;
      const found = await this.gateway.findByReference(charge.reference);
      if (found.status === 'found') {
        await this.settlement.captured(charge, found.payment.paymentId, now);
        settled++;
      } else if (found.status === 'not_found') {
        await this.settlement.notCaptured(
          charge,
          'failed',
          'not charged at the gateway',
          true,
          now,
        );
        settled++;
      }
    }
    for (let count = 0; count < BATCH; count++) {
      const charge = await this.charges.claimDueRefund(now, next);
      if (!charge) break;
      if ((await this.settlement.refundUnwanted(charge, now)).status === 'refunded') settled++;
    }
    if (settled > 0) this.logger.log(`Settled ${settled} payment(s) left in doubt`);
    return settled;
  }
}
