import { setTimeout as sleep } from 'node:timers/promises';
import { Collection, Db } from 'mongodb';
import { isDuplicateKey } from '../duplicate-key';
import { MIGRATION_LOCK_COLLECTION } from './migration';

const LOCK_ID = 'migrations';

interface LockDocument {
  _id: string;
  owner: string;
  acquiredAt: Date;
  expiresAt: Date;
}

export interface MigrationLockOptions {
  /** How long the lease lasts unless renewed; a holder that died frees the lock after it. */
  leaseMs: number;
  /** How often a waiting runner tries again. */
  pollMs: number;
}

/**
 * A lease on one document, so that one runner at a time applies migrations, across processes and
 * machines. Taking it is one conditional upsert: it matches only an expired lease, and when a live
 * one exists the upsert's insert collides on `_id` (duplicate key) — so two runners can never
 * both take it. The holder renews the lease while it works, and deletes it when done.
 */
export class MigrationLock {
  private readonly locks: Collection<LockDocument>;

  constructor(
    db: Db,
    readonly owner: string,
    private readonly options: MigrationLockOptions,
  ) {
    this.locks = db.collection<LockDocument>(MIGRATION_LOCK_COLLECTION);
  }

  /** Takes the lock when it is free or its lease ran out; false while another runner holds it. */
  async tryAcquire(now = new Date()): Promise<boolean> {
    try {
      await this.locks.updateOne(
        { _id: LOCK_ID, expiresAt: { $lte: now } },
        { $set: { owner: this.owner, acquiredAt: now, expiresAt: this.leaseEnd(now) } },
        { upsert: true },
      );
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Waits until the lock is taken; `onWait` is called once if it was held by another runner. */
  async acquire(onWait: (holder: string) => void): Promise<void> {
    let waiting = false;
    while (!(await this.tryAcquire())) {
      if (!waiting) onWait((await this.locks.findOne({ _id: LOCK_ID }))?.owner ?? 'unknown');
      waiting = true;
      await sleep(this.options.pollMs);
    }
  }

  /**
   * Runs `work` while renewing the lease at a third of its length, then releases the lock. A
   * failed renewal is reported to `onRenewalFailure` (the next one may still succeed).
   */
  async hold<T>(work: () => Promise<T>, onRenewalFailure: (error: Error) => void): Promise<T> {
    const renewal = setInterval(
      () => void this.renew().catch(onRenewalFailure),
      this.options.leaseMs / 3,
    );
    renewal.unref();
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      await this.locks.deleteOne({ _id: LOCK_ID, owner: this.owner });
    }
  }

  private async renew(): Promise<void> {
    const { matchedCount } = await this.locks.updateOne(
      { _id: LOCK_ID, owner: this.owner },
      { $set: { expiresAt: this.leaseEnd() } },
    );
    if (matchedCount === 0)
      throw new Error('the migration lock was taken over after its lease ran out');
  }

  private leaseEnd(now = new Date()): Date {
    return new Date(now.getTime() + this.options.leaseMs);
  }
}
