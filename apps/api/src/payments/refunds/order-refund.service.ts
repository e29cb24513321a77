import { Inject, Injectable } from '@nestjs/common';
import { Outcome, refused, succeeded } from '@kassa/common';
import { PaymentGatewayClient } from '@kassa/payment-gateway';
import { CARD_NETWORK_ACCOUNT, SHOP_ACCOUNT } from '../../ledger/ledger-account';
import { LedgerService } from '../../ledger/ledger.service';
import { CardChargeRepository } from '../charges/card-charge.repository';
import { PAYMENT_GATEWAY } from '../gateway/payment-gateway.provider';

/** Why a refund was not made (yet): the gateway's answer, or no card payment to refund. */
export type RefundFailure = 'not_paid_by_card' | 'refused' | 'payment_not_found' | 'unknown';

export interface OrderRefund {
  /** The gateway's id of the refund. */
  refundId: string;
}

/**
 * Gives part of an order's card payment back. {@link send} asks the gateway, keyed so that a
 * retry of the same refund never pays twice; {@link record} posts it in the ledger (shop → card
 * network), in the caller's transaction, with the change that made it.
 */
@Injectable()
export class OrderRefundService {
  constructor(
    private readonly charges: CardChargeRepository,
    private readonly ledger: LedgerService,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGatewayClient,
  ) {}

  /** Sends `amountCents` of the order's card payment back; `key` names this refund for good. */
  async send(
    orderId: string,
    amountCents: number,
    key: string,
  ): Promise<Outcome<OrderRefund, RefundFailure, string>> {
    const charge = await this.charges.findCapturedForOrder(orderId);
    if (!charge?.gatewayPaymentId) {
      return refused('not_paid_by_card', `Order ${orderId} has no captured card payment`);
    }
    const result = await this.gateway.refund(
      charge.gatewayPaymentId,
      { amount: amountCents },
      `refund:${key}`,
    );
    switch (result.status) {
      case 'refunded':
        return succeeded({ refundId: result.refundId });
      case 'invalid':
        return refused('refused', `${result.code}: ${result.message}`);
      case 'not_found':
        return refused('payment_not_found', result.message);
      case 'unknown':
        return refused('unknown', `${result.reason}: ${result.message}`);
    }
  }

  /** Posts a refund made under `reference` in the ledger; nothing when it was posted already. */
  async record(reference: string, amountCents: number): Promise<void> {
    await this.ledger.record({
      kind: 'refund',
      reference,
      postings: [
        { account: SHOP_ACCOUNT, amountCents: -amountCents },
        { account: CARD_NETWORK_ACCOUNT, amountCents },
      ],
    });
  }
}
