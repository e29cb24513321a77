import { formatMoney } from '@kassa/common';
import { MailMessage } from '../../notifications/mailer';
import { PaymentRecordOf } from './payment.repository';

export interface ReceiptParties {
  payer: { username: string; email: string };
  payee: { username: string };
  /** The payer's wallet balance right after the payment. */
  payerBalanceCents: number;
}

/** The receipt the payer gets for a confirmed payment. */
export function paymentReceiptMail(payment: PaymentRecordOf, parties: ReceiptParties): MailMessage {
  const money = (cents: number) => `${formatMoney(cents)} ${payment.currency}`;
  return {
    to: parties.payer.email,
    subject: `Receipt: payment ${payment._id} (${money(payment.amountCents)})`,
    text: [
      `Hello ${parties.payer.username},`,
      '',
      `you paid ${money(payment.amountCents)} to ${parties.payee.username}.`,
      '',
      `Payment: ${payment._id}`,
      `Confirmed: ${payment.paidAt?.toISOString()}`,
      `Card on record: ${payment.card.holder}, ending in ${payment.card.last4}`,
      `Your wallet balance now: ${money(parties.payerBalanceCents)}`,
    ].join('\n'),
  };
}
