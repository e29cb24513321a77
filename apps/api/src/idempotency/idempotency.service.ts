import { Injectable } from '@nestjs/common';
import { IdempotencyKeyInUseError, IdempotencyKeyReusedError } from '@kassa/common';
import { IdempotencyRepository, StoredResponse } from './idempotency.repository';

const RETENTION_MS = 24 * 60 * 60 * 1000;
/** How long a first request may run before a repeat may take its claim over. */
const LEASE_MS = 60_000;

export type IdempotencyClaim =
  { kind: 'first'; id: string } | { kind: 'repeat'; response: StoredResponse };

/**
 * Idempotency keys as Stripe has them, per caller: the first request with a key runs; a repeat
 * with the same request gets the first answer replayed; a repeat with another request is refused
 * (422); a repeat while the first still runs is told to wait (409); a first request that failed
 * with a fault gives its key up, so it may be retried. Keys are kept 24 hours.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly records: IdempotencyRepository) {}

  async begin(
    scope: string,
    key: string,
    fingerprint: string,
    now = new Date(),
  ): Promise<IdempotencyClaim> {
    const id = `${scope}:${key}`;
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    const expiresAt = new Date(now.getTime() + RETENTION_MS);
    if (await this.records.claim(id, fingerprint, leaseUntil, expiresAt, now)) {
      return { kind: 'first', id };
    }
    const existing = await this.records.find(id);
    if (!existing) return this.begin(scope, key, fingerprint, now);
    if (existing.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
    if (existing.state !== 'done' || !existing.response) throw new IdempotencyKeyInUseError();
    return { kind: 'repeat', response: existing.response };
  }

  complete(id: string, response: StoredResponse): Promise<void> {
    return this.records.complete(id, response);
  }

  abandon(id: string): Promise<void> {
    return this.records.abandon(id);
  }
}
