import { RateLimitConfig } from '../config/rate-limit.config';
import { localAllowance, MongoThrottlerStorage } from './mongo-throttler.storage';
import { HitBatch, RateLimitCounterRepository, SharedCount } from './rate-limit-counter.repository';

/** The repository's semantics over a Map: one shared database for every storage built on it. */
class InMemoryCounters {
  readonly documents = new Map<string, SharedCount>();
  readonly hits: string[] = [];
  readonly batches: HitBatch[][] = [];

  async hit(key: string, now: Date, windowEnd: Date): Promise<SharedCount> {
    this.hits.push(key);
    const current = this.documents.get(key);
    const next =
      current && current.expiresAt > now
        ? { ...current, hits: current.hits + 1 }
        : { hits: 1, expiresAt: windowEnd };
    this.documents.set(key, next);
    return { ...next };
  }

  async addHits(batches: HitBatch[]): Promise<Map<string, SharedCount>> {
    this.batches.push(batches);
    const counts = new Map<string, SharedCount>();
    for (const { key, expiresAt, hits } of batches) {
      const current = this.documents.get(key);
      if (current && current.expiresAt.getTime() === expiresAt.getTime()) current.hits += hits;
      if (current) counts.set(key, { ...current });
    }
    return counts;
  }
}

function storageOn(counters: InMemoryCounters, syncHits = 10): MongoThrottlerStorage {
  const config: RateLimitConfig = {
    perMinute: 300,
    authPerMinute: 20,
    syncHits,
    syncIntervalMs: 3_600_000,
  };
  return new MongoThrottlerStorage(counters as unknown as RateLimitCounterRepository, config);
}

const MINUTE = 60_000;

describe(localAllowance.name, () => {
  it('is RATE_LIMIT_SYNC_HITS, but never more than a tenth of the limit', () => {
    expect(localAllowance(300, 10)).toBe(10);
    expect(localAllowance(50, 10)).toBe(5);
    expect(localAllowance(1_000_000, 0)).toBe(0);
  });

  it('is 0 under a limit of 10: every hit is counted in MongoDB first', () => {
    expect(localAllowance(9, 10)).toBe(0);
  });
});

describe(MongoThrottlerStorage.name, () => {
  describe('increment', () => {
    it('counts one instance exactly, the first hit in MongoDB and the next ones here', async () => {
      const counters = new InMemoryCounters();
      const storage = storageOn(counters);
      const totals = [];
      for (let hit = 0; hit < 5; hit++)
        totals.push((await storage.increment('k', MINUTE, 300)).totalHits);
      expect(totals).toEqual([1, 2, 3, 4, 5]);
      expect(counters.hits).toEqual(['k']);
      expect(counters.batches).toEqual([]);
    });

    it('sends the hits counted here in one batch per key, and on shutdown', async () => {
      const counters = new InMemoryCounters();
      const storage = storageOn(counters);
      for (let hit = 0; hit < 4; hit++) await storage.increment('a', MINUTE, 300);
      await storage.increment('b', MINUTE, 300);
      await storage.increment('b', MINUTE, 300);
      await storage.onModuleDestroy();
      expect(counters.batches).toHaveLength(1);
      expect(counters.batches[0].map(({ key, hits }) => ({ key, hits }))).toEqual([
        { key: 'a', hits: 3 },
        { key: 'b', hits: 1 },
      ]);
      expect(counters.documents.get('a')?.hits).toBe(4);
    });

    it('makes a hit past the allowance wait until the hits before it are in MongoDB', async () => {
      const counters = new InMemoryCounters();
      const storage = storageOn(counters, 3);
      for (let hit = 0; hit < 4; hit++) await storage.increment('k', MINUTE, 300);
      expect(counters.batches).toEqual([]);
      const fifth = await storage.increment('k', MINUTE, 300);
      expect(counters.batches.map((batch) => batch[0].hits)).toEqual([3]);
      expect(fifth.totalHits).toBe(5);
    });

    it('counts concurrent first hits exactly, with one round trip to open the window', async () => {
      const counters = new InMemoryCounters();
      const storage = storageOn(counters);
      const records = await Promise.all(
        Array.from({ length: 30 }, () => storage.increment('k', MINUTE, 20)),
      );
      const totals = records.map((record) => record.totalHits).sort((a, b) => a - b);
      expect(totals).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
      expect(records.filter((record) => record.isBlocked)).toHaveLength(10);
      expect(counters.hits).toEqual(['k']);
    });

    it('blocks with the seconds left in the window, and counts every hit in MongoDB under a limit of 10', async () => {
      const counters = new InMemoryCounters();
      const storage = storageOn(counters);
      const records = [];
      for (let hit = 0; hit < 4; hit++) records.push(await storage.increment('k', MINUTE, 3));
      expect(records.map((record) => record.isBlocked)).toEqual([false, false, false, true]);
      expect(records[3].timeToBlockExpire).toBe(60);
      expect(counters.hits).toHaveLength(4);
    });

    it('admits at most its allowance past a limit another instance has reached', async () => {
      const counters = new InMemoryCounters();
      const [first, second] = [storageOn(counters, 5), storageOn(counters, 5)];
      const limit = 50;
      expect((await first.increment('k', MINUTE, limit)).isBlocked).toBe(false);
      let admitted = 1;
      for (let hit = 0; hit < 80; hit++) {
        if (!(await second.increment('k', MINUTE, limit)).isBlocked) admitted++;
      }
      const stale = [];
      for (let hit = 0; hit < 10; hit++) stale.push(await first.increment('k', MINUTE, limit));
      admitted += stale.filter((record) => !record.isBlocked).length;
      expect(stale.slice(0, 5).every((record) => !record.isBlocked)).toBe(true);
      expect(stale.slice(5).every((record) => record.isBlocked)).toBe(true);
      expect(admitted).toBe(limit + 5);
    });

    it('forgets a window that closed in MongoDB, its unsent hits with it, and opens the next', async () => {
      const counters = new InMemoryCounters();
      const storage = storageOn(counters, 1);
      await storage.increment('k', MINUTE, 300);
      await storage.increment('k', MINUTE, 300);
      const closed = counters.documents.get('k')!;
      counters.documents.set('k', { hits: 7, expiresAt: new Date(closed.expiresAt.getTime() + 1) });
      expect((await storage.increment('k', MINUTE, 300)).totalHits).toBe(8);
      expect(counters.documents.get('k')?.hits).toBe(8);
      expect(counters.hits).toEqual(['k', 'k']);
    });
  });
});
