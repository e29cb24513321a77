import { formatMoney } from '@kassa/common';
import { MailMessage } from '../notifications/mailer';
import { OrderRecord } from './order.repository';

/** The mail the shop's admins get for every new order. */
export function newOrderMail(order: OrderRecord, recipients: string[]): MailMessage {
  const money = (cents: number) => `${formatMoney(cents)} ${order.currency}`;
  const lines = order.lines.map(
    (line) =>
      `- ${line.quantity} × ${line.model} (${line.productId}): ${money(line.lineTotalCents)}`,
  );
  return {
    to: recipients.join(', '),
    subject: `New order ${order._id} (${money(order.totalCents)})`,
    text: [
      `Order ${order._id} was placed by customer ${order.customerId}.`,
      '',
      ...lines,
      '',
      `Subtotal: ${money(order.subtotalCents)}`,
      ...(order.promo
        ? [`Promo code ${order.promo.code}: -${money(order.promo.discountCents)}`]
        : []),
      `Total: ${money(order.totalCents)}`,
      `It waits for payment until ${order.expiresAt.toISOString()}.`,
    ].join('\n'),
  };
}
