import { PaidCharge } from '../contract/charge';
import { PaymentView } from '../contract/payment';
import { Refund } from '../contract/refund';
import { PaymentRecord, RefundRecord } from '../store/payment-store';

export function toPaidCharge(payment: PaymentRecord): PaidCharge {
  return {
    paymentId: payment.id,
    status: 'paid',
    amount: payment.amount,
    currency: payment.currency,
    reference: payment.reference,
    cardLast4: payment.cardLast4,
    createdAt: payment.createdAt.toISOString(),
  };
}

export function toPaymentView(payment: PaymentRecord): PaymentView {
  return {
    ...toPaidCharge(payment),
    cardHolder: payment.cardHolder,
    refundedAmount: payment.refundedAmount,
    refunds: payment.refunds.map((refund) => ({
      refundId: refund.id,
      amount: refund.amount,
      createdAt: refund.createdAt.toISOString(),
    })),
  };
}

export function toRefund(refund: RefundRecord, payment: PaymentRecord): Refund {
  return {
    refundId: refund.id,
    status: 'refunded',
    paymentId: payment.id,
    amount: refund.amount,
    currency: payment.currency,
    createdAt: refund.createdAt.toISOString(),
  };
}
