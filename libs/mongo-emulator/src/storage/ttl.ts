import { numberOf, type Doc } from '../query/values';
import type { Collection } from './collection';
import type { Engine } from './engine';
import { deleteChange, recordsImages } from './oplog';
import { indexValuesAt } from './paths';

const TICK_MS = 250;

/**
 * Deletes documents whose TTL-indexed date (or earliest date of an array) is older than the
 * index's expireAfterSeconds, one pass every `ttlMonitorSleepSecs` (read at each tick, so a
 * `setParameter` takes effect without waiting for the previous interval). The deletions of one
 * index in one pass are one batch in the oplog: the same tick, as MongoDB's batched deletes.
 */
export class TtlMonitor {
  private timer?: NodeJS.Timeout;
  private lastPass = Date.now();

  constructor(private readonly engine: Engine) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const now = Date.now();
    if (now - this.lastPass < this.engine.parameters.ttlMonitorSleepSecs * 1000) return;
    this.lastPass = now;
    this.pass(now);
  }

  pass(now: number): void {
    for (const collections of this.engine.databases.values()) {
      for (const collection of collections.values()) this.expire(collection, now);
    }
  }

  private expire(collection: Collection, now: number): void {
    for (const index of collection.indexes.values()) {
      const seconds = index.spec.expireAfterSeconds;
      if (seconds === undefined || index.fields.length !== 1) continue;
      const limit = now - numberOf(seconds) * 1000;
      const expired: Array<[string, Doc]> = [];
      for (const [id, version] of collection.liveVersions()) {
        if (!collection.locks.has(id) && isExpired(version.doc!, index.fields[0], limit))
          expired.push([id, version.doc!]);
      }
      if (expired.length === 0) continue;
      const ts = this.engine.tick();
      const images = recordsImages(collection.options);
      for (const [id, doc] of expired) {
        collection.write(id, null, ts);
        this.engine.oplog.append(ts, deleteChange(collection.db, collection.name, images, doc));
      }
    }
  }
}

function isExpired(doc: Doc, field: string, limit: number): boolean {
  const dates = indexValuesAt(doc, field).filter((value): value is Date => value instanceof Date);
  if (dates.length === 0) return false;
  return Math.min(...dates.map((date) => date.getTime())) <= limit;
}
