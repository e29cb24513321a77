/**
 * Every error code the gateway answers with, on the wire as `{ error: { code, message } }`.
 * Decline reasons (`card_declined`, `insufficient_funds`) are codes of 402 answers too.
 */
export const GatewayErrorCode = {
  /** 400: a field is missing or malformed; `details` names each field. */
  InvalidRequest: 'invalid_request',
  /** 400: the idempotency key was first used with a different request. */
  IdempotencyKeyReused: 'idempotency_key_reused',
  /** 400: the refund would take the refunds past the captured amount. */
  RefundExceedsPayment: 'refund_exceeds_payment',
  /** 404: no payment with that id or reference. */
  PaymentNotFound: 'payment_not_found',
  /** 404: no such route. */
  NotFound: 'not_found',
  /** 409: a paid charge exists for the reference; the body carries its `paymentId`. */
  DuplicateCharge: 'duplicate_charge',
  /** 409: a request with this idempotency key is still being processed; retry later. */
  IdempotencyKeyInUse: 'idempotency_key_in_use',
  /** 500: the processor failed; nothing was charged or refunded; retry with the same key. */
  ProcessingError: 'processing_error',
  /** 500: an unexpected fault. */
  InternalError: 'internal_error',
} as const;

export type GatewayErrorCode = (typeof GatewayErrorCode)[keyof typeof GatewayErrorCode];

/** One problem with one field of a request (`card.number`, `amount`, `Idempotency-Key`). */
export interface FieldProblem {
  field: string;
  message: string;
}
