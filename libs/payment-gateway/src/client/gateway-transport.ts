import { ChargeAnswer, LookupAnswer, RefundAnswer } from '../contract/answers';
import { ChargeRequest } from '../contract/charge';
import { RefundRequest } from '../contract/refund';

/** What one attempt carries besides the request. */
export interface CallContext {
  /** Aborted when the attempt timed out: the transport should stop waiting. */
  signal: AbortSignal;
  /** Passed on as `X-Request-Id`, so both sides log the same id. */
  requestId?: string;
}

/**
 * One attempt of one gateway operation, answered as the gateway answered it (no retries, no
 * timeout of its own). It rejects only when no answer arrived (connection refused, reset).
 */
export interface GatewayTransport {
  charge(
    request: ChargeRequest,
    idempotencyKey: string,
    context: CallContext,
  ): Promise<ChargeAnswer>;
  refund(
    paymentId: string,
    request: RefundRequest,
    idempotencyKey: string,
    context: CallContext,
  ): Promise<RefundAnswer>;
  findPayment(paymentId: string, context: CallContext): Promise<LookupAnswer>;
  findByReference(reference: string, context: CallContext): Promise<LookupAnswer>;
}
