/** What a code means on the wire: its HTTP status and the message used when none is given. */
export interface CatalogueEntry {
  status: number;
  message: string;
}

/**
 * Every error code the API answers with (DESIGN.md §2): the one source of truth for statuses,
 * default messages, the README's table and the Swagger examples. Codes are added, never renamed.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, message: 'Request validation failed' },
  VERIFICATION_CODE_INVALID: { status: 400, message: 'The verification code is not valid' },
  VERIFICATION_CODE_EXPIRED: {
    status: 400,
    message: 'The verification code has expired; request a new one',
  },
  VERIFICATION_CODE_LOCKED: {
    status: 400,
    message: 'Too many wrong attempts; request a new verification code',
  },
  UNAUTHENTICATED: { status: 401, message: 'Authentication required' },
  PAYMENT_DECLINED: { status: 402, message: 'The card was declined' },
  INVALID_CREDENTIALS: { status: 401, message: 'Invalid username, email or password' },
  ACCOUNT_NOT_VERIFIED: { status: 403, message: 'Verify your email address before logging in' },
  FORBIDDEN: { status: 403, message: 'Not allowed' },
  CSRF_TOKEN_INVALID: { status: 403, message: 'X-CSRF-Token must repeat the kassa_csrf cookie' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  ALREADY_EXISTS: { status: 409, message: 'Already exists' },
  IN_USE: { status: 409, message: 'Still in use' },
  LAST_ADMIN: {
    status: 409,
    message: 'The last active admin cannot be demoted, deactivated or deleted',
  },
  PRODUCT_ARCHIVED: {
    status: 409,
    message: 'The product is archived and can no longer change',
  },
  INVALID_TRANSITION: { status: 409, message: 'The resource cannot move to that state' },
  ORDER_ALREADY_PAID: { status: 409, message: 'The order is already paid' },
  PAYMENT_IN_PROGRESS: {
    status: 409,
    message: 'A payment of this order is being processed; wait for it to settle',
  },
  IDEMPOTENCY_KEY_IN_USE: {
    status: 409,
    message: 'A request with this Idempotency-Key is still being processed; retry shortly',
  },
  CONVERSATION_CLOSED: { status: 409, message: 'The conversation is closed' },
  CONVERSATION_CLAIMED: {
    status: 409,
    message: 'The conversation is claimed by another support user',
  },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  URI_TOO_LONG: { status: 414, message: 'The URL, or one of its path segments, is too long' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported content type' },
  INSUFFICIENT_STOCK: { status: 422, message: 'Not enough of the product is in stock' },
  CART_EMPTY: { status: 422, message: 'The cart has nothing that can be ordered' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: 'This Idempotency-Key was used with a different request',
  },
  PRODUCT_UNAVAILABLE: { status: 422, message: 'The product cannot be bought now' },
  INSUFFICIENT_FUNDS: { status: 422, message: 'The wallet balance is below the amount' },
  RETURN_NOT_ALLOWED: { status: 409, message: 'The order takes no return now' },
  RETURN_QUANTITY_EXCEEDED: {
    status: 422,
    message: 'More is asked back than can still be returned',
  },
  PROMO_CODE_NOT_APPLICABLE: { status: 422, message: 'The promo code does not apply' },
  RESEND_TOO_SOON: {
    status: 429,
    message: 'A code was sent moments ago; wait before asking again',
  },
  RATE_LIMITED: { status: 429, message: 'Too many requests, try again later' },
  REQUEST_HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are too large' },
  INTERNAL: { status: 500, message: 'Internal server error' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'The service is temporarily unavailable' },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, code);
}

export function statusOfCode(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}
