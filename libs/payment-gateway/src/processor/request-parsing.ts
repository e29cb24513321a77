import { ChargeRequest } from '../contract/charge';
import { FieldProblem } from '../contract/error-codes';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  isExpired,
  REFERENCE_PATTERN,
} from '../contract/request-rules';
import { ChargeRequestDto, RefundRequestDto } from '../contract/request.dto';
import { validateBody, Validated } from '../contract/validate-request';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const KEY_PROBLEM: FieldProblem = {
  field: IDEMPOTENCY_KEY_HEADER,
  message: `${IDEMPOTENCY_KEY_HEADER} must be 1-255 printable ASCII characters without spaces`,
};
const PAYMENT_ID_PROBLEM: FieldProblem = {
  field: 'paymentId',
  message: 'paymentId must be a UUID',
};
const REFERENCE_PROBLEM: FieldProblem = {
  field: 'reference',
  message: 'reference must be 1-128 of [A-Za-z0-9._:-]',
};
const EXPIRED_PROBLEM: FieldProblem = { field: 'card.expiry', message: 'expiry is in the past' };

export interface ParsedCharge {
  request: ChargeRequest;
  key: string;
}

export interface ParsedRefund {
  paymentId: string;
  amount: number;
  key: string;
}

function isIdempotencyKey(key: unknown): key is string {
  return typeof key === 'string' && IDEMPOTENCY_KEY_PATTERN.test(key);
}

function isPaymentId(paymentId: unknown): paymentId is string {
  return typeof paymentId === 'string' && UUID_PATTERN.test(paymentId);
}

function problemsOf<T>(validated: Validated<T>): FieldProblem[] {
  return validated.ok ? [] : validated.problems;
}

/** A charge body and its key, with every problem of both; an expired card is one too. */
export function parseCharge(body: unknown, key: unknown, now: Date): Validated<ParsedCharge> {
  const validated = validateBody(ChargeRequestDto, body);
  const problems = [...(isIdempotencyKey(key) ? [] : [KEY_PROBLEM]), ...problemsOf(validated)];
  if (validated.ok && isExpired(validated.value.card.expiry, now)) problems.push(EXPIRED_PROBLEM);
  if (!validated.ok || !isIdempotencyKey(key) || problems.length > 0) {
    return { ok: false, problems };
  }
  return { ok: true, value: { request: validated.value, key } };
}

export function parseRefund(
  paymentId: unknown,
  body: unknown,
  key: unknown,
): Validated<ParsedRefund> {
  const validated = validateBody(RefundRequestDto, body);
  if (!validated.ok || !isIdempotencyKey(key) || !isPaymentId(paymentId)) {
    const problems = [
      ...(isIdempotencyKey(key) ? [] : [KEY_PROBLEM]),
      ...(isPaymentId(paymentId) ? [] : [PAYMENT_ID_PROBLEM]),
      ...problemsOf(validated),
    ];
    return { ok: false, problems };
  }
  return { ok: true, value: { paymentId, amount: validated.value.amount, key } };
}

export function parsePaymentId(paymentId: unknown): Validated<string> {
  return isPaymentId(paymentId)
    ? { ok: true, value: paymentId }
    : { ok: false, problems: [PAYMENT_ID_PROBLEM] };
}

export function parseReference(reference: unknown): Validated<string> {
  return typeof reference === 'string' && REFERENCE_PATTERN.test(reference)
    ? { ok: true, value: reference }
    : { ok: false, problems: [REFERENCE_PROBLEM] };
}
