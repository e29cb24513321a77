import { formatMoney } from '@kassa/common';
import { MailMessage } from '../notifications/mailer';
import { ReturnRecord } from './return.repository';
import { ReturnStatus } from './return-status';

const NEWS: Record<ReturnStatus, (request: ReturnRecord, amount: string) => string[]> = {
  [ReturnStatus.Requested]: (_, amount) => [
    'We have your return request and will look at it shortly.',
    `Once approved, ${amount} goes back to the card you paid with.`,
  ],
  [ReturnStatus.Approved]: (_, amount) => [
    `Your return is approved: ${amount} is on its way back to the card you paid with.`,
  ],
  [ReturnStatus.Refunded]: (_, amount) => [
    `We have refunded ${amount} to the card you paid with.`,
    'Your bank may take a few days to show it.',
  ],
  [ReturnStatus.Rejected]: (request) => [
    'We cannot accept your return.',
    `Reason: ${request.rejectionReason ?? 'not given'}`,
  ],
};

/** What the customer is told when their return is asked, approved, refunded or rejected. */
export function returnMail(request: ReturnRecord, to: string): MailMessage {
  const amount = `${formatMoney(request.amountCents)} ${request.currency}`;
  const items = request.items.map((item) => `- ${item.quantity} × ${item.model}`);
  return {
    to,
    subject: `Your Kassa return for order ${request.orderId}: ${request.status}`,
    text: [
      ...NEWS[request.status](request, amount),
      '',
      ...items,
      '',
      `Return ${request._id}.`,
    ].join('\n'),
  };
}
