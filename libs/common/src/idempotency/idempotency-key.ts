import { createHash } from 'node:crypto';
import { ValidationError } from '../errors';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

const KEY = /^[\x21-\x7e]{1,255}$/;

/** A key is 1–255 visible ASCII characters (a UUID is the usual choice). */
export function parseIdempotencyKey(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !KEY.test(raw)) {
    throw ValidationError.forField(
      'Idempotency-Key',
      'Idempotency-Key must be 1-255 visible ASCII characters, e.g. a UUID',
    );
  }
  return raw;
}

/** JSON with object keys sorted, so two equal bodies always serialise the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.keys(value)
      .sort()
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A body as its fingerprint sees it: a card (an object under a `card` key) counts by the last
 * four digits of its number and not at all by its CVV, so neither enters the stored hash — a
 * hash of a card number could be reversed by trying every number.
 */
function withoutCardSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCardSecrets);
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      key === 'card' && field && typeof field === 'object' && !Array.isArray(field)
        ? cardWithoutSecrets(field as Record<string, unknown>)
        : withoutCardSecrets(field),
    ]),
  );
}

function cardWithoutSecrets(card: Record<string, unknown>): Record<string, unknown> {
  const { number, cvv: _cvv, ...rest } = card;
  const lastFour = typeof number === 'string' ? number.slice(-4) : null;
  return { ...(withoutCardSecrets(rest) as Record<string, unknown>), lastFour };
}

/**
 * What makes two requests "the same" for a key: method, path and body (key order ignored), as a
 * SHA-256. Card numbers and CVVs are left out (a card counts by its last four digits), so the
 * stored fingerprint holds no card secret, not even hashed.
 */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${canonicalJson(withoutCardSecrets(body ?? null))}`)
    .digest('hex');
}
