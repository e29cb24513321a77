import { Inject, Injectable, Logger } from '@nestjs/common';
import { TransactionRunner } from '@kassa/database';
import { PaymentGatewayClient } from '@kassa/payment-gateway';
import { LedgerAccount, SHARED_ACCOUNTS_TURN } from '../../ledger/ledger-account';
import { LedgerService } from '../../ledger/ledger.service';
import { OrderPaymentsService } from '../../orders/order-payments.service';
import { OutboxService } from '../../outbox/outbox.service';
import { UserAccounts } from '../../users/user-accounts.service';
import { PAYMENT_GATEWAY } from '../gateway/payment-gateway.provider';
import { CardChargeRecord, CardChargeRepository } from './card-charge.repository';
import { PaymentMetrics } from './payment-metrics';
import { cardReceiptMail } from './receipt-mail';

/** Card payments and refunds post to the shop and the card network: one at a time here. */
const SHARED_ACCOUNTS = { turn: SHARED_ACCOUNTS_TURN };

/** Who the jobs act as in an order's history. */
const SYSTEM = 'system';

/**
 * Settles card charges, from the request that made them or from the reconciler, whichever comes
 * first (each step is a conditional update, so only one does it):
 * - captured: in one transaction the charge becomes `paid`, the order becomes `paid`, the receipt
 *   is queued and the ledger moves the amount in from the card network (to the shop, or to the
 *   customer's wallet for a top-up) — last, because every payment writes the card network's and
 *   the shop's balances, so a transaction holding them is over soonest and conflicts least; an
 *   order that can no longer be paid (cancelled meanwhile) is refunded at once through the gateway;
 * - not captured (declined, refused, never made): the charge ends and the order may be paid again.
 */
@Injectable()
export class ChargeSettlementService {
  private readonly logger = new Logger(ChargeSettlementService.name);

  constructor(
    private readonly charges: CardChargeRepository,
    private readonly orders: OrderPaymentsService,
    private readonly ledger: LedgerService,
    private readonly outbox: OutboxService,
    private readonly accounts: UserAccounts,
    private readonly transactions: TransactionRunner,
    private readonly metrics: PaymentMetrics,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGatewayClient,
  ) {}

  /** The charge captured at the gateway as `gatewayPaymentId`; the settled charge. */
  async captured(charge: CardChargeRecord, gatewayPaymentId: string, now = new Date()) {
    const outcome = await this.transactions.run(async () => {
      const paid = await this.charges.settle(charge._id, 'paid', { gatewayPaymentId }, now);
      if (!paid) {
        return {
          settled: await this.charges.findById(charge._id),
          refund: false,
          settledHere: false,
        };
      }
      const orderPaid =
        charge.purpose !== 'order' || !!(await this.orders.markPaid(charge.reference, SYSTEM, now));
      if (orderPaid) {
        const customer = await this.accounts.get(charge.customerId);
        await this.outbox.enqueue('card-receipt', cardReceiptMail(paid, customer.email), now);
      }
      await this.ledger.record({
        kind: charge.purpose === 'top_up' ? 'wallet_top_up' : 'card_payment',
        reference: charge._id,
        postings: [
          { account: { kind: 'card_network' }, amountCents: -charge.amountCents },
          { account: this.creditedAccount(charge), amountCents: charge.amountCents },
        ],
      });
      return { settled: paid, refund: !orderPaid, settledHere: true };
    }, SHARED_ACCOUNTS);
    if (outcome.settledHere) {
      this.metrics.chargeCaptured(charge.purpose);
      if (charge.purpose === 'order' && !outcome.refund) this.metrics.orderPaid();
    }
    if (outcome.refund) return this.refundUnwanted(outcome.settled!, now);
    return outcome.settled!;
  }

  /**
   * The charge did not capture: it ends, and its order may be paid again — unless the charge
   * never held the order (`holdsOrder: false`: another payment of it was under way).
   */
  async notCaptured(
    charge: CardChargeRecord,
    status: 'declined' | 'failed',
    failure: string,
    holdsOrder = true,
    now = new Date(),
  ) {
    const ended = await this.charges.settle(charge._id, status, { failure }, now);
    if (ended) this.metrics.chargeFailed(charge.purpose, status);
    if (ended && holdsOrder && charge.purpose === 'order') {
      await this.orders.releaseCharge(charge.reference);
    }
    return ended ?? (await this.charges.findById(charge._id))!;
  }

  /**
   * Gives back a captured charge nothing can use any more (its order was cancelled while the
   * charge was in doubt). Keyed by the charge, so a retry never refunds twice; a refund left in
   * doubt is retried by the reconciler.
   */
  async refundUnwanted(charge: CardChargeRecord, now = new Date()): Promise<CardChargeRecord> {
    const result = await this.gateway.refund(
      charge.gatewayPaymentId!,
      { amount: charge.amountCents },
      `refund:${charge._id}`,
    );
    if (result.status !== 'refunded') {
      this.logger.warn(
        `Refund of charge ${charge._id} not confirmed (${result.status}); retried later`,
      );
      await this.charges.markRefundDue(charge._id, new Date(now.getTime() + 60_000));
      return charge;
    }
    return this.transactions.run(async () => {
      const refunded = await this.charges.settle(charge._id, 'refunded', {}, now, 'paid');
      if (!refunded) return (await this.charges.findById(charge._id))!;
      await this.ledger.record({
        kind: 'refund',
        reference: charge._id,
        postings: [
          { account: this.creditedAccount(charge), amountCents: -charge.amountCents },
          { account: { kind: 'card_network' }, amountCents: charge.amountCents },
        ],
      });
      return refunded;
    }, SHARED_ACCOUNTS);
  }

  private creditedAccount(charge: CardChargeRecord): LedgerAccount {
    return charge.purpose === 'top_up'
      ? { kind: 'wallet', userId: charge.customerId }
      : { kind: 'shop' };
  }
}
