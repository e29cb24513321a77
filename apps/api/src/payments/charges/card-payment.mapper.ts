import { formatMoney, PaymentDeclinedError } from '@kassa/common';
import { DECLINE_MESSAGES, DeclineReason } from '@kassa/payment-gateway';
import { CardChargeRecord } from './card-charge.repository';
import { CardPaymentDto } from './card-payment.dto';

export function toCardPayment(charge: CardChargeRecord): CardPaymentDto {
  return {
    id: charge._id,
    purpose: charge.purpose,
    reference: charge.reference,
    amount: formatMoney(charge.amountCents),
    currency: charge.currency,
    status: charge.status,
    card: { last4: charge.card.last4, holder: charge.card.holder },
    gatewayPaymentId: charge.gatewayPaymentId,
    failure: charge.failure,
    createdAt: charge.createdAt.toISOString(),
    settledAt: charge.settledAt?.toISOString() ?? null,
  };
}

/** The 402 a declined charge is answered with; null when the charge was not declined. */
export function declineOf(charge: CardChargeRecord | null): PaymentDeclinedError | null {
  if (charge?.status !== 'declined') return null;
  const reason = (charge.failure ?? 'card_declined') as DeclineReason;
  return new PaymentDeclinedError(reason, DECLINE_MESSAGES[reason] ?? 'The card was declined');
}
