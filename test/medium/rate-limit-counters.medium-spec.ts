import { RateLimitStorageModule } from '../../apps/api/src/rate-limit/rate-limit.module';
import { RateLimitCounterRepository } from '../../apps/api/src/rate-limit/rate-limit-counter.repository';
import { overlapping, useMediumContext } from './support/medium-context';

const MINUTE_MS = 60_000;

describe('RateLimitCounterRepository (medium)', () => {
  const context = useMediumContext([RateLimitStorageModule]);
  const counters = () => context.get(RateLimitCounterRepository);
  const at = (ms: number) => new Date(Date.UTC(2026, 10, 30, 12) + ms);

  it('opens a window with the first hit and counts the next ones in it', async () => {
    const key = 'opens';
    expect(await counters().hit(key, at(0), at(MINUTE_MS))).toEqual(
      expect.objectContaining({ hits: 1, expiresAt: at(MINUTE_MS) }),
    );
    expect(await counters().hit(key, at(1_000), at(MINUTE_MS + 1_000))).toEqual(
      expect.objectContaining({ hits: 2, expiresAt: at(MINUTE_MS) }),
    );
  });

  it('restarts an expired window at one hit, ending at the new window end', async () => {
    const key = 'restarts';
    await counters().hit(key, at(0), at(MINUTE_MS));
    await counters().hit(key, at(1), at(MINUTE_MS));
    expect(await counters().hit(key, at(MINUTE_MS), at(2 * MINUTE_MS))).toEqual(
      expect.objectContaining({ hits: 1, expiresAt: at(2 * MINUTE_MS) }),
    );
  });

  it('counts concurrent first hits of one key exactly, in one window', async () => {
    const key = 'concurrent';
    const { results, peak } = await overlapping(20, () =>
      counters().hit(key, at(0), at(MINUTE_MS)),
    );
    expect(peak).toBe(20);
    const counts = results.map((result) => {
      if (result.status === 'rejected') throw result.reason;
      return result.value;
    });
    expect(counts.map((count) => count.hits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    expect(new Set(counts.map((count) => count.expiresAt.getTime()))).toEqual(
      new Set([at(MINUTE_MS).getTime()]),
    );
  });

  it('counts a hit in one round trip', async () => {
    const operations: string[] = [];
    context.connection.set('debug', (collection: string, method: string) => {
      operations.push(`${collection}.${method}`);
    });
    try {
      await counters().hit('round-trip', at(0), at(MINUTE_MS));
      await counters().hit('round-trip', at(1), at(MINUTE_MS));
    } finally {
      context.connection.set('debug', false);
    }
    expect(operations).toEqual([
      'rate_limit_counters.findOneAndUpdate',
      'rate_limit_counters.findOneAndUpdate',
    ]);
  });
});
