import { AsyncResource } from 'node:async_hooks';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { rateLimitConfig, RateLimitConfig } from '../config/rate-limit.config';
import { HitBatch, RateLimitCounterRepository, SharedCount } from './rate-limit-counter.repository';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** Expired windows are forgotten at most this often. */
const SWEEP_INTERVAL_MS = 1_000;

/** What this instance knows of one key's current window. */
interface KnownWindow {
  expiresAt: number;
  /** The count in MongoDB when this instance last wrote or read it, its own sent hits included. */
  shared: number;
  /** Hits counted here and not sent yet. */
  pending: number;
  /** Hits on their way to MongoDB. */
  sending: number;
  /** The write under way, which waiting hits join. */
  flight?: Promise<void>;
}

/** Hits of a window not yet confirmed by MongoDB. */
function unconfirmed(window: KnownWindow): number {
  return window.pending + window.sending;
}

/**
 * How many hits of one key an instance may count before MongoDB has them: `RATE_LIMIT_SYNC_HITS`,
 * never more than a tenth of the limit (so limits under 10 count every hit in MongoDB first).
 */
export function localAllowance(limit: number, syncHits: number): number {
  return Math.max(0, Math.min(syncHits, Math.floor(limit / 10)));
}

/**
 * Rate-limit counters shared by every API instance through MongoDB, counted locally in between.
 * A key counts hits in a window that opens with its first hit (one round trip) and lasts `ttl`;
 * past `limit` the key is blocked until the window closes. Within the window an instance decides
 * from the last shared count it knows plus its own hits since, and sends its hits in one batched
 * `$inc` every `RATE_LIMIT_SYNC_INTERVAL`, reading the shared counts back. An instance holds at
 * most `localAllowance` (k) hits of a key that MongoDB has not confirmed: the next hit waits for
 * them to be written. So one instance alone counts exactly, and n instances together admit at
 * most `limit + n × k` hits per window (each can admit at most k on a shared count that another
 * instance has already taken past the limit).
 */
@Injectable()
export class MongoThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger(MongoThrottlerStorage.name);
  private readonly windows = new Map<string, KnownWindow>();
  private readonly opening = new Map<string, Promise<unknown>>();
  private timer?: NodeJS.Timeout;
  private lastSweep = 0;
  private closed = false;
  /** Runs outside the request that scheduled it, so no request's context leaks into the write. */
  private readonly flushDue = AsyncResource.bind(() => this.sendDueHits());

  constructor(
    private readonly counters: RateLimitCounterRepository,
    @Inject(rateLimitConfig.KEY) private readonly config: RateLimitConfig,
  ) {}

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const allowance = localAllowance(limit, this.config.syncHits);
    if (allowance === 0) {
      const now = new Date();
      const counted = await this.counters.hit(key, now, new Date(now.getTime() + ttl));
      return record(counted.hits, counted.expiresAt.getTime(), limit);
    }
    for (;;) {
      const window = this.windows.get(key);
      if (!window || window.expiresAt <= Date.now()) {
        const opened = this.opening.get(key);
        if (opened) {
          await opened;
          continue;
        }
        const counted = await this.open(key, ttl);
        return record(counted.hits, counted.expiresAt.getTime(), limit);
      }
      if (unconfirmed(window) >= allowance) {
        await (window.flight ?? this.send([key]));
        continue;
      }
      window.pending++;
      this.schedule();
      return record(window.shared + unconfirmed(window), window.expiresAt, limit);
    }
  }

  /** Sends what is still pending before the database connection closes. */
  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.sendDueHits(false).catch(() => undefined);
  }

  /**
   * Counts the window's first hit here in MongoDB and answers the count with it; hits arriving
   * meanwhile wait, and count here once the window is known.
   */
  private async open(key: string, ttl: number): Promise<SharedCount> {
    const now = new Date();
    const opening = this.counters.hit(key, now, new Date(now.getTime() + ttl));
    this.opening.set(key, opening);
    try {
      const counted = await opening;
      this.windows.set(key, known(counted));
      this.schedule();
      return counted;
    } finally {
      this.opening.delete(key);
    }
  }

  /** Sends the pending hits of these keys in one batch; each key's window takes the new count. */
  private send(keys: string[]): Promise<void> {
    const sent = keys.flatMap((key) => {
      const window = this.windows.get(key);
      if (!window || window.pending === 0 || window.flight) return [];
      window.sending = window.pending;
      window.pending = 0;
      return [{ key, window }];
    });
    if (sent.length === 0) return Promise.resolve();
    const batches: HitBatch[] = sent.map(({ key, window }) => ({
      key,
      expiresAt: new Date(window.expiresAt),
      hits: window.sending,
    }));
    const flight = this.counters.addHits(batches).then(
      (counts) => sent.forEach(({ key, window }) => this.settle(key, window, counts.get(key))),
      (error: unknown) => {
        for (const { window } of sent) {
          window.pending += window.sending;
          window.sending = 0;
          window.flight = undefined;
        }
        throw error;
      },
    );
    for (const { window } of sent) window.flight = flight;
    return flight;
  }

  private settle(key: string, window: KnownWindow, count: SharedCount | undefined): void {
    window.sending = 0;
    window.flight = undefined;
    if (count && count.expiresAt.getTime() === window.expiresAt) {
      window.shared = Math.max(window.shared, count.hits);
    } else if (this.windows.get(key) === window) {
      this.windows.delete(key);
    }
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(this.flushDue, this.config.syncIntervalMs);
    this.timer.unref();
  }

  /** Sends every key's pending hits, forgets closed windows now and then, and goes on while needed. */
  private async sendDueHits(reschedule = true): Promise<void> {
    this.timer = undefined;
    const now = Date.now();
    const due: string[] = [];
    for (const [key, window] of this.windows) {
      if (window.pending > 0) due.push(key);
    }
    if (now - this.lastSweep >= SWEEP_INTERVAL_MS) this.forgetClosedWindows(now);
    try {
      await this.send(due);
    } catch (error) {
      this.logger.warn(`Rate-limit counts not sent, retried shortly: ${String(error)}`);
    }
    if (reschedule && this.windows.size > 0) this.schedule();
  }

  private forgetClosedWindows(now: number): void {
    this.lastSweep = now;
    for (const [key, window] of this.windows) {
      if (window.expiresAt <= now && unconfirmed(window) === 0) this.windows.delete(key);
    }
  }
}

function known(count: SharedCount): KnownWindow {
  return { expiresAt: count.expiresAt.getTime(), shared: count.hits, pending: 0, sending: 0 };
}

function record(totalHits: number, expiresAt: number, limit: number): ThrottlerStorageRecord {
  const timeToExpire = Math.max(0, Math.ceil((expiresAt - Date.now()) / 1000));
  const isBlocked = totalHits > limit;
  return { totalHits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
}
