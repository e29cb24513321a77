import { InvalidRequest, PaymentFound, PaymentNotFound } from '../contract/answers';
import { DeclinedCharge, PaidCharge } from '../contract/charge';
import { Refund } from '../contract/refund';

/** Why the outcome stayed unknown after the last attempt. */
export type UnknownReason = 'timeout' | 'unreachable' | 'gateway_error' | 'key_in_use';

/**
 * In doubt: every attempt timed out or failed, so the operation may or may not have happened.
 * Keep the idempotency key and ask again later (or look the payment up by reference).
 */
export interface OutcomeUnknown {
  status: 'unknown';
  reason: UnknownReason;
  attempts: number;
  message: string;
}

/** A paid charge; `duplicate` when the reference was already paid and this is that payment. */
export type PaidChargeResult = PaidCharge & { duplicate: boolean };

export type ChargeResult = PaidChargeResult | DeclinedCharge | InvalidRequest | OutcomeUnknown;
export type RefundResult = Refund | InvalidRequest | PaymentNotFound | OutcomeUnknown;
export type LookupResult = PaymentFound | PaymentNotFound | InvalidRequest | OutcomeUnknown;
