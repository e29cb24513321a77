import { createHash } from 'node:crypto';
import { ChargeRequest } from '../contract/charge';
import { lastFourDigits } from '../contract/request-rules';

function digest(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * What makes two charges "the same request" for an idempotency key. The card enters by its last
 * four digits, holder and expiry only: neither its number nor its CVV (nor a hash of them, which
 * could be reversed by trying every number) is ever stored.
 */
export function chargeFingerprint(request: ChargeRequest): string {
  const { amount, currency, reference, card } = request;
  return digest([
    'charge',
    amount,
    currency,
    reference,
    card.holder,
    lastFourDigits(card.number),
    card.expiry,
  ]);
}

export function refundFingerprint(paymentId: string, amount: number): string {
  return digest(['refund', paymentId, amount]);
}
