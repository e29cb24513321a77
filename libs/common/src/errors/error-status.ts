import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationError,
} from './domain-error';

/** The HTTP status of every documented error code (DESIGN.md §2). */
export const ERROR_STATUS: Readonly<Record<string, number>> = {
  VALIDATION_FAILED: 400,
  VERIFICATION_CODE_INVALID: 400,
  VERIFICATION_CODE_EXPIRED: 400,
  VERIFICATION_CODE_LOCKED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_NOT_VERIFIED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  IN_USE: 409,
  INVALID_TRANSITION: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INSUFFICIENT_STOCK: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  RESEND_TOO_SOON: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
};

/** Codes not in the table fall back on the error's class; a business rule is a 422. */
const STATUS_BY_CLASS: [abstract new (...args: never[]) => DomainError, number][] = [
  [ValidationError, 400],
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [RateLimitedError, 429],
];

const BUSINESS_RULE_STATUS = 422;

export function httpStatusOf(error: DomainError): number {
  const known = ERROR_STATUS[error.code];
  if (known !== undefined) return known;
  const byClass = STATUS_BY_CLASS.find(([errorClass]) => error instanceof errorClass);
  return byClass ? byClass[1] : BUSINESS_RULE_STATUS;
}
