import { formatMoney } from '@kassa/common';
import { PaymentResponseDto } from './dto/payment-response.dto';
import { PaymentRecordOf } from './payment.repository';

/** A payment as the API shows it: the card by its last four digits and holder only. */
export function toPaymentResponse(payment: PaymentRecordOf): PaymentResponseDto {
  return {
    id: payment._id,
    payerId: payment.payerId,
    payeeId: payment.payeeId,
    amount: formatMoney(payment.amountCents),
    currency: payment.currency,
    card: { last4: payment.card.last4, holder: payment.card.holder },
    status: payment.status,
    gatewayPaymentId: payment.gatewayPaymentId,
    paidAt: payment.paidAt?.toISOString() ?? null,
    cancelledAt: payment.cancelledAt?.toISOString() ?? null,
    createdAt: payment.createdAt.toISOString(),
    updatedAt: payment.updatedAt.toISOString(),
  };
}
