import { InvalidRequest, KeyInProgress } from '../contract/answers';
import { PaymentStore } from '../store/payment-store';
import { keyInProgress, keyReused } from './answer-builders';

type Claim = { claimed: true; attempt: number } | { claimed: false; answer: unknown };

/** Rounds of insert / take over / read before a key whose record keeps changing counts as busy. */
const CLAIM_ROUNDS = 3;

/**
 * Stripe's idempotency rules over a {@link PaymentStore}: the first request with a key runs and
 * its answer is stored; the same request again gets that answer replayed; a different request
 * with the key is refused; a request while the key is in flight is told to retry. An attempt
 * that failed (answer `failed`, or an exception) leaves the key retryable, and the work learns
 * which attempt of the key it is.
 */
export class IdempotencyKeys {
  constructor(
    private readonly store: PaymentStore,
    private readonly now: () => Date,
    private readonly leaseMs: number,
  ) {}

  async run<A extends { status: string }>(
    key: string,
    fingerprint: string,
    work: (attempt: number) => Promise<A>,
  ): Promise<A | InvalidRequest | KeyInProgress> {
    const claim = await this.claim(key, fingerprint);
    if (!claim.claimed) return claim.answer as A | InvalidRequest | KeyInProgress;
    let answer: A;
    try {
      answer = await work(claim.attempt);
    } catch (error) {
      // Best effort: if even this write fails, the claim's lease expiry frees the key.
      await this.store.failKey(key).catch(() => undefined);
      throw error;
    }
    if (answer.status === 'failed') await this.store.failKey(key);
    else await this.store.completeKey(key, answer);
    return answer;
  }

  private async claim(key: string, fingerprint: string): Promise<Claim> {
    for (let round = 0; round < CLAIM_ROUNDS; round += 1) {
      const now = this.now();
      const leaseExpiresAt = new Date(now.getTime() + this.leaseMs);
      const inserted = await this.store.insertKey({
        key,
        fingerprint,
        state: 'in_flight',
        attempts: 1,
        leaseExpiresAt,
        createdAt: now,
      });
      if (inserted) return { claimed: true, attempt: 1 };
      const reclaimed = await this.store.reclaimKey(key, fingerprint, now, leaseExpiresAt);
      if (reclaimed) return { claimed: true, attempt: reclaimed.attempts };
      const existing = await this.store.findKey(key);
      if (!existing) continue;
      if (existing.fingerprint !== fingerprint) return { claimed: false, answer: keyReused() };
      if (existing.state === 'completed') return { claimed: false, answer: existing.answer };
      if (existing.state === 'in_flight') return { claimed: false, answer: keyInProgress() };
    }
    return { claimed: false, answer: keyInProgress() };
  }
}
