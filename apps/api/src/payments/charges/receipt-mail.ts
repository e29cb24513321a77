import { formatMoney } from '@kassa/common';
import { MailMessage } from '../../notifications/mailer';
import { CardChargeRecord } from './card-charge.repository';

const WHAT: Record<CardChargeRecord['purpose'], (reference: string) => string> = {
  order: (reference) => `order ${reference}`,
  top_up: () => 'a top-up of your Kassa wallet',
};

/** The receipt a customer gets for every captured card charge. */
export function cardReceiptMail(charge: CardChargeRecord, to: string): MailMessage {
  const amount = `${formatMoney(charge.amountCents)} ${charge.currency}`;
  return {
    to,
    subject: `Your Kassa receipt: ${amount}`,
    text: [
      `We charged ${amount} to the card ending in ${charge.card.last4} (${charge.card.holder})`,
      `for ${WHAT[charge.purpose](charge.reference)}.`,
      '',
      `Payment ${charge._id}, gateway reference ${charge.gatewayPaymentId}.`,
    ].join('\n'),
  };
}
