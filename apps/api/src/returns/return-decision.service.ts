import { Inject, Injectable, Logger } from '@nestjs/common';
import { InvalidTransitionError, NotFoundError } from '@kassa/common';
import { TransactionRunner } from '@kassa/database';
import { PaymentsConfig, paymentsConfig } from '../config/payments.config';
import { SHARED_ACCOUNTS_TURN } from '../ledger/ledger-account';
import { OrderReturnsService } from '../orders/order-returns.service';
import { OrderRefundService } from '../payments/refunds/order-refund.service';
import { ReturnNotices } from './return-notices';
import { ReturnRecord, ReturnRepository } from './return.repository';
import { RETURN_TRANSITIONS, ReturnStatus } from './return-status';

/** Who acts for automatic approvals and the reconciler, in a return's history. */
export const SYSTEM = 'system';

/** The shortest wait before a failed refund is tried again. */
const MIN_RETRY_DELAY_MS = 1_000;

/**
 * Deciding returns and paying them back:
 * - approve (an admin, or auto-approval): the units count as returned, their stock comes back
 *   and the refund is priced exactly, in one transaction; then the refund is sent;
 * - reject: the units may be asked back again;
 * - refund: through the gateway keyed by the return (a retry never refunds twice), then in one
 *   transaction the return becomes `refunded`, the ledger moves the money from the shop to the
 *   card network and the order becomes `partially_returned` or `returned`. A refund that fails
 *   stays `approved` with its failure, for the reconciler to try again.
 */
@Injectable()
export class ReturnDecisionService {
  private readonly logger = new Logger(ReturnDecisionService.name);

  constructor(
    private readonly returns: ReturnRepository,
    private readonly orders: OrderReturnsService,
    private readonly refunds: OrderRefundService,
    private readonly notices: ReturnNotices,
    private readonly transactions: TransactionRunner,
    @Inject(paymentsConfig.KEY) private readonly payments: PaymentsConfig,
  ) {}

  /** Approves a requested return as `by` and refunds it; 409 from any other state. */
  async approve(by: string, id: string): Promise<ReturnRecord> {
    const now = new Date();
    const approved = await this.transactions.run(async () => {
      const request = await this.require(id);
      RETURN_TRANSITIONS.assert(request.status, ReturnStatus.Approved);
      const items = await this.orders.receive(request.orderId, request.items);
      const amountCents = items.reduce((sum, item) => sum + item.refundCents, 0);
      const moved = await this.returns.transition({
        id,
        expected: ReturnStatus.Requested,
        to: ReturnStatus.Approved,
        by,
        at: now,
        set: { items, amountCents, 'refund.nextAttemptAt': this.retryAt(now) },
      });
      return moved ?? this.refuseStale(id, ReturnStatus.Approved);
    });
    return this.refund(approved, now);
  }

  /** Rejects a requested return as `by`, giving its units back to what may be returned. */
  async reject(by: string, id: string, reason: string): Promise<ReturnRecord> {
    const now = new Date();
    return this.transactions.run(async () => {
      const request = await this.require(id);
      RETURN_TRANSITIONS.assert(request.status, ReturnStatus.Rejected);
      const rejected = await this.returns.transition({
        id,
        expected: ReturnStatus.Requested,
        to: ReturnStatus.Rejected,
        by,
        at: now,
        set: { rejectionReason: reason },
      });
      if (!rejected) return this.refuseStale(id, ReturnStatus.Rejected);
      await this.orders.release(request.orderId, request.items);
      await this.notices.tell(rejected, now);
      return rejected;
    });
  }

  /** Sends the refund of an approved return and settles it; the return as it then stands. */
  async refund(request: ReturnRecord, now = new Date()): Promise<ReturnRecord> {
    if (request.amountCents === 0) return this.settle(request, null, now);
    const sent = await this.refunds.send(request.orderId, request.amountCents, request._id);
    if (sent.ok) return this.settle(request, sent.value.refundId, now);
    const failure = `${sent.reason}: ${sent.detail}`;
    this.logger.warn(`Refund of return ${request._id} not made (${failure}); retried later`);
    await this.returns.recordRefundFailure(request._id, failure, this.retryAt(now));
    return (await this.returns.findById(request._id))!;
  }

  /** Claims the next approved return whose refund is due, for the reconciler. */
  claimDueRefund(now: Date): Promise<ReturnRecord | null> {
    return this.returns.claimDueRefund(now, this.retryAt(now));
  }

  /**
   * The refund made: in one transaction the return becomes `refunded`, the order counts it, the
   * customer is told, and the ledger posts it — last, because every payment and refund writes the
   * shop's balance, so a transaction holding it is over soonest and conflicts least.
   */
  private settle(request: ReturnRecord, gatewayRefundId: string | null, now: Date) {
    return this.transactions.run(
      async () => {
        const refunded = await this.returns.transition({
          id: request._id,
          expected: ReturnStatus.Approved,
          to: ReturnStatus.Refunded,
          by: SYSTEM,
          at: now,
          set: {
            'refund.gatewayRefundId': gatewayRefundId,
            'refund.failure': null,
            'refund.nextAttemptAt': null,
          },
        });
        if (!refunded) return (await this.returns.findById(request._id))!;
        const units = refunded.items.reduce((sum, item) => sum + item.quantity, 0);
        await this.orders.refunded(refunded.orderId, refunded.amountCents, units, SYSTEM, now);
        await this.notices.tell(refunded, now);
        if (refunded.amountCents > 0) await this.refunds.record(refunded._id, refunded.amountCents);
        return refunded;
      },
      { turn: SHARED_ACCOUNTS_TURN },
    );
  }

  private retryAt(now: Date): Date {
    const delay = Math.max(this.payments.reconcileIntervalMs, MIN_RETRY_DELAY_MS);
    return new Date(now.getTime() + delay);
  }

  private async require(id: string): Promise<ReturnRecord> {
    const found = await this.returns.findById(id);
    if (!found) throw new NotFoundError('Return', id);
    return found;
  }

  private async refuseStale(id: string, to: ReturnStatus): Promise<never> {
    const now = await this.require(id);
    throw new InvalidTransitionError('Return', now.status, to);
  }
}
