import { randomUUID } from 'node:crypto';

/** The header that carries a request's id in and out. */
export const REQUEST_ID_HEADER = 'x-request-id';

const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9-]{1,64}$/;

export function isAcceptableRequestId(value: unknown): value is string {
  return typeof value === 'string' && ACCEPTABLE_REQUEST_ID.test(value);
}

/** Keeps a caller's id when it is 1–64 characters of `[A-Za-z0-9-]`, else mints a UUID. */
export function resolveRequestId(incoming: unknown): string {
  return isAcceptableRequestId(incoming) ? incoming : randomUUID();
}
