import {
  ChargeAnswer,
  GatewayAnswer,
  InvalidRequest,
  KeyInProgress,
  LookupAnswer,
  PaymentNotFound,
  ProcessingFailed,
  RefundAnswer,
} from '../contract/answers';
import { DECLINE_REASONS, DeclineReason, PaidCharge } from '../contract/charge';
import { FieldProblem, GatewayErrorCode } from '../contract/error-codes';
import { PaymentView } from '../contract/payment';
import { Refund } from '../contract/refund';

/** An answer as HTTP carries it: status code and JSON body. */
export interface WireResponse {
  statusCode: number;
  body: unknown;
}

/** Every non-200 body: `{ error: { code, message, details? } }`, plus `paymentId` on a duplicate. */
export interface ErrorBody {
  error: { code: string; message: string; details?: FieldProblem[] };
  paymentId?: string;
}

function errorBody(code: string, message: string, details?: FieldProblem[]): ErrorBody {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

/** The one mapping of answers to HTTP, used by the gateway app and the in-process transport. */
export function toWireResponse(answer: GatewayAnswer): WireResponse {
  switch (answer.status) {
    case 'paid':
    case 'refunded':
      return { statusCode: 200, body: answer };
    case 'found':
      return { statusCode: 200, body: answer.payment };
    case 'declined':
      return { statusCode: 402, body: errorBody(answer.reason, answer.message) };
    case 'invalid':
      return { statusCode: 400, body: errorBody(answer.code, answer.message, answer.details) };
    case 'duplicate':
      return {
        statusCode: 409,
        body: {
          ...errorBody(GatewayErrorCode.DuplicateCharge, answer.message),
          paymentId: answer.paymentId,
        },
      };
    case 'in_progress':
      return {
        statusCode: 409,
        body: errorBody(GatewayErrorCode.IdempotencyKeyInUse, answer.message),
      };
    case 'not_found':
      return { statusCode: 404, body: errorBody(GatewayErrorCode.PaymentNotFound, answer.message) };
    case 'failed':
      return { statusCode: 500, body: errorBody(GatewayErrorCode.ProcessingError, answer.message) };
  }
}

/** What an unexpected fault answers: 500 with nothing internal in it. */
export function internalErrorResponse(): WireResponse {
  return {
    statusCode: 500,
    body: errorBody(GatewayErrorCode.InternalError, 'Internal server error'),
  };
}

type FieldType = 'string' | 'number' | 'object';

function hasFields(
  body: unknown,
  fields: Record<string, FieldType>,
): body is Record<string, unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const record = body as Record<string, unknown>;
  return Object.entries(fields).every(([name, type]) => typeof record[name] === type);
}

function errorOf(body: unknown): ErrorBody['error'] | undefined {
  if (!hasFields(body, { error: 'object' })) return undefined;
  const error = body.error;
  return hasFields(error, { code: 'string', message: 'string' })
    ? (error as ErrorBody['error'])
    : undefined;
}

function unexpected({ statusCode }: WireResponse): ProcessingFailed {
  return { status: 'failed', message: `Unexpected answer from the gateway (HTTP ${statusCode})` };
}

const PAID_FIELDS: Record<string, FieldType> = {
  paymentId: 'string',
  status: 'string',
  amount: 'number',
  currency: 'string',
  reference: 'string',
  cardLast4: 'string',
  createdAt: 'string',
};
const REFUND_FIELDS: Record<string, FieldType> = {
  refundId: 'string',
  status: 'string',
  paymentId: 'string',
  amount: 'number',
  currency: 'string',
  createdAt: 'string',
};
const PAYMENT_FIELDS: Record<string, FieldType> = {
  ...PAID_FIELDS,
  cardHolder: 'string',
  refundedAmount: 'number',
  refunds: 'object',
};

/** 400 → invalid, 500 → failed; anything else unexpected is a failure too (retryable). */
function failureAnswer(response: WireResponse): InvalidRequest | ProcessingFailed {
  const error = errorOf(response.body);
  if (!error) return unexpected(response);
  const { code, message, details } = error;
  if (response.statusCode === 400) {
    return { status: 'invalid', code, message, ...(details ? { details } : {}) };
  }
  return response.statusCode === 500 ? { status: 'failed', message } : unexpected(response);
}

function notFoundAnswer(response: WireResponse): PaymentNotFound | undefined {
  const error = errorOf(response.body);
  return response.statusCode === 404 && error?.code === GatewayErrorCode.PaymentNotFound
    ? { status: 'not_found', message: error.message }
    : undefined;
}

function inProgressAnswer(response: WireResponse): KeyInProgress | undefined {
  const error = errorOf(response.body);
  return response.statusCode === 409 && error?.code === GatewayErrorCode.IdempotencyKeyInUse
    ? { status: 'in_progress', message: error.message }
    : undefined;
}

export function chargeAnswerFrom(response: WireResponse): ChargeAnswer {
  const { statusCode, body } = response;
  if (statusCode === 200) {
    return hasFields(body, PAID_FIELDS) && body.status === 'paid'
      ? (body as unknown as PaidCharge)
      : unexpected(response);
  }
  const error = errorOf(body);
  if (statusCode === 402 && error && DECLINE_REASONS.includes(error.code as DeclineReason)) {
    return { status: 'declined', reason: error.code as DeclineReason, message: error.message };
  }
  if (statusCode === 409 && error && hasFields(body, { paymentId: 'string' })) {
    return { status: 'duplicate', paymentId: body.paymentId as string, message: error.message };
  }
  return inProgressAnswer(response) ?? failureAnswer(response);
}

export function refundAnswerFrom(response: WireResponse): RefundAnswer {
  const { statusCode, body } = response;
  if (statusCode === 200) {
    return hasFields(body, REFUND_FIELDS) && body.status === 'refunded'
      ? (body as unknown as Refund)
      : unexpected(response);
  }
  return notFoundAnswer(response) ?? inProgressAnswer(response) ?? failureAnswer(response);
}

export function lookupAnswerFrom(response: WireResponse): LookupAnswer {
  const { statusCode, body } = response;
  if (statusCode === 200) {
    return hasFields(body, PAYMENT_FIELDS) && Array.isArray(body.refunds)
      ? { status: 'found', payment: body as unknown as PaymentView }
      : unexpected(response);
  }
  return notFoundAnswer(response) ?? failureAnswer(response);
}
