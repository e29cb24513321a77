import {
  InvalidRequest,
  KeyInProgress,
  PaymentNotFound,
  ProcessingFailed,
} from '../contract/answers';
import {
  DECLINE_MESSAGES,
  DeclinedCharge,
  DeclineReason,
  DuplicateCharge,
} from '../contract/charge';
import { FieldProblem, GatewayErrorCode } from '../contract/error-codes';

export function invalidRequest(details: FieldProblem[]): InvalidRequest {
  return {
    status: 'invalid',
    code: GatewayErrorCode.InvalidRequest,
    message: 'The request is invalid',
    details,
  };
}

export function keyReused(): InvalidRequest {
  return {
    status: 'invalid',
    code: GatewayErrorCode.IdempotencyKeyReused,
    message: 'This idempotency key was already used with a different request',
  };
}

export function refundExceedsPayment(amount: number): InvalidRequest {
  return {
    status: 'invalid',
    code: GatewayErrorCode.RefundExceedsPayment,
    message: `Refunds may not exceed the captured amount of ${amount}`,
    details: [{ field: 'amount', message: 'amount exceeds what is left to refund' }],
  };
}

export function keyInProgress(): KeyInProgress {
  return {
    status: 'in_progress',
    message: 'A request with this idempotency key is still being processed',
  };
}

export function processingFailed(): ProcessingFailed {
  return { status: 'failed', message: 'The processor failed; retry with the same idempotency key' };
}

export function paymentNotFound(): PaymentNotFound {
  return { status: 'not_found', message: 'No such payment' };
}

export function declined(reason: DeclineReason): DeclinedCharge {
  return { status: 'declined', reason, message: DECLINE_MESSAGES[reason] };
}

export function duplicateCharge(paymentId: string): DuplicateCharge {
  return {
    status: 'duplicate',
    paymentId,
    message: 'A paid charge already exists for this reference',
  };
}
