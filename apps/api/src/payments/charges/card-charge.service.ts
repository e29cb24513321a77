import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ValidationError } from '@kassa/common';
import {
  CardDto,
  ChargeResult,
  lastFourDigits,
  PaymentGatewayClient,
} from '@kassa/payment-gateway';
import { PaymentsConfig, paymentsConfig } from '../../config/payments.config';
import { PAYMENT_GATEWAY } from '../gateway/payment-gateway.provider';
import { ChargeSettlementService } from './charge-settlement.service';
import { CardChargeRecord, CardChargeRepository } from './card-charge.repository';
import { PaymentMetrics } from './payment-metrics';
import { ChargePurpose } from './schemas/card-charge.schema';

export interface ChargeSpec {
  purpose: ChargePurpose;
  /** What is paid; for an order, its id (also the gateway's reference). */
  reference: string | null;
  customerId: string;
  amountCents: number;
  currency: string;
  card: CardDto;
}

/**
 * A charge after its call: captured (`paid`), refused by the card's issuer (`declined`, an
 * expected outcome the caller answers with 402), or still in doubt (`processing`).
 */
export type ChargeOutcome = CardChargeRecord;

/**
 * Charges a card: the attempt is recorded (`processing`, with a check due once every retry would
 * be over) before the gateway is called, so that whatever happens next — an answer, a timeout,
 * a crash — the record is settled, by this call or by the reconciler. A decline ends the attempt
 * and is answered as the charge's outcome; a request the gateway refuses as invalid is a 400.
 */
@Injectable()
export class CardChargeService {
  constructor(
    private readonly charges: CardChargeRepository,
    private readonly settlement: ChargeSettlementService,
    private readonly metrics: PaymentMetrics,
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGatewayClient,
    @Inject(paymentsConfig.KEY) private readonly config: PaymentsConfig,
  ) {}

  /** Records the attempt; the caller then claims what it pays for and calls {@link charge}. */
  record(spec: ChargeSpec, now = new Date()): Promise<CardChargeRecord> {
    const id = randomUUID();
    return this.charges.create({
      _id: id,
      purpose: spec.purpose,
      reference: spec.reference ?? id,
      customerId: spec.customerId,
      amountCents: spec.amountCents,
      currency: spec.currency,
      card: { last4: lastFourDigits(spec.card.number), holder: spec.card.holder },
      gatewayKey: randomUUID(),
      nextCheckAt: new Date(now.getTime() + this.inDoubtAfterMs()),
    });
  }

  async charge(
    charge: CardChargeRecord,
    card: CardDto,
    requestId?: string,
  ): Promise<ChargeOutcome> {
    const result = await this.gateway.charge(
      { amount: charge.amountCents, currency: charge.currency, card, reference: charge.reference },
      charge.gatewayKey,
      { requestId },
    );
    return this.apply(charge, result);
  }

  /** Ends an attempt that never reached the gateway (what it paid for could not be claimed). */
  abandon(charge: CardChargeRecord, why: string): Promise<CardChargeRecord> {
    return this.settlement.notCaptured(charge, 'failed', why, false);
  }

  private async apply(charge: CardChargeRecord, result: ChargeResult): Promise<ChargeOutcome> {
    switch (result.status) {
      case 'paid':
        return this.settlement.captured(charge, result.paymentId);
      case 'declined':
        return this.settlement.notCaptured(charge, 'declined', result.reason);
      case 'invalid':
        await this.settlement.notCaptured(charge, 'failed', result.code);
        throw new ValidationError(
          result.message,
          (result.details ?? []).map((problem) => ({
            field: `card.${problem.field.replace(/^card\./, '')}`,
            message: problem.message,
          })),
        );
      default:
        this.metrics.chargeInDoubt(charge.purpose);
        return charge;
    }
  }

  /** Once every attempt and its backoff would be over, a charge still processing is in doubt. */
  private inDoubtAfterMs(): number {
    return (this.config.timeoutMs + 2_000) * this.config.attempts;
  }
}
