import { formatMoney } from '@kassa/common';
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
