import { calculateObjectSize } from 'bson';
import type { ClusterClock } from '../cluster-clock';
import { MongoCommandError } from '../errors';
import { MAX_DOCUMENT_SIZE } from '../limits';
import { canonicalKey, type Doc } from '../query/values';
import type { Engine } from '../storage/engine';
import type { OplogEntry, OplogPosition } from '../storage/oplog';
import type { EventPipeline } from './event-pipeline';
import { relevance, renderEvent, type EventSources, type StreamScope } from './events';
import { comparePositions, encodeToken, highWaterMark, type StreamPosition } from './resume-token';
import type { ChangeStreamSpec } from './spec';

export interface StreamBatch {
  events: Doc[];
  /** The position the stream has reached: the batch's `postBatchResumeToken`. */
  resumeToken: Doc;
  /** The stream ended with an invalidate: its cursor is closed. */
  invalidated: boolean;
}

/** The oldest point a stream can read from: after the newest entry the oplog dropped. */
export function oldestReadablePoint(engine: Engine, clock: ClusterClock): StreamPosition {
  const dropped = engine.oplog.lastDropped;
  const { t, i } = clock.at(dropped?.tick ?? 0);
  if (!dropped) return highWaterMark(t, i);
  return { t, i, event: true, index: dropped.index, invalidate: false };
}

/** The most bytes of events one batch carries (as MongoDB, 16 MiB). */
const MAX_BATCH_BYTES = MAX_DOCUMENT_SIZE;

/**
 * One open change stream: reads the oplog from its position, turns the entries its scope
 * watches into events, runs them through the stages after `$changeStream`, and moves its
 * position past everything it has read.
 */
export class ChangeStream {
  private interruptWait?: () => void;
  private interrupted = false;
  private readonly sources: EventSources;

  constructor(
    private readonly engine: Engine,
    private readonly clock: ClusterClock,
    readonly scope: StreamScope,
    private readonly spec: ChangeStreamSpec,
    private readonly pipeline: EventPipeline,
    private position: StreamPosition,
  ) {
    this.sources = {
      clock,
      lookup: (db, coll, id) => engine.collection(db, coll)?.latest(canonicalKey(id)) ?? null,
    };
  }

  /** The events after the position, at most `limit` and 16 MiB; the position moves past them. */
  nextBatch(limit: number): StreamBatch {
    if (comparePositions(this.position, oldestReadablePoint(this.engine, this.clock)) < 0)
      throw new MongoCommandError(
        'CappedPositionLost',
        'CollectionScan died due to position in capped collection being deleted.',
      );
    const events: Doc[] = [];
    let bytes = 0;
    for (const entry of this.engine.oplog.from(this.oplogPosition())) {
      const shown = relevance(this.scope, entry);
      if (!shown) continue;
      for (const position of this.positionsOf(entry, shown.invalidates)) {
        if (comparePositions(position, this.position) <= 0) continue;
        if (events.length >= limit) return this.batch(events, false);
        const output = this.pipeline(renderEvent(entry, position, this.spec, this.sources));
        if (output) {
          const size = calculateObjectSize(output);
          if (size > MAX_DOCUMENT_SIZE) throw tooLarge(size);
          if (events.length > 0 && bytes + size > MAX_BATCH_BYTES) return this.batch(events, false);
          bytes += size;
          events.push(output);
        }
        this.position = position;
        if (position.invalidate) return this.batch(events, true);
      }
    }
    const now = this.clock.at(this.engine.now() + 1);
    const reached = highWaterMark(now.t, now.i);
    if (comparePositions(reached, this.position) > 0) this.position = reached;
    return this.batch(events, false);
  }

  /**
   * A batch as soon as there is at least one event, else once `waitMs` has passed without any
   * (an awaitData getMore). Throws CursorKilled when the cursor is killed meanwhile.
   */
  async awaitBatch(limit: number, waitMs: number): Promise<StreamBatch> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      if (this.interrupted) throw new MongoCommandError('CursorKilled', 'cursor killed');
      const batch = this.nextBatch(limit);
      const remaining = deadline - Date.now();
      if (batch.events.length > 0 || batch.invalidated || remaining <= 0) return batch;
      await this.nextWrite(remaining);
    }
  }

  /** Ends a wait in progress (the cursor was killed). */
  interrupt(): void {
    this.interrupted = true;
    this.interruptWait?.();
  }

  private nextWrite(waitMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        unsubscribe();
        this.interruptWait = undefined;
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      timer.unref();
      const unsubscribe = this.engine.oplog.onAppend(done);
      this.interruptWait = done;
    });
  }

  private batch(events: Doc[], invalidated: boolean): StreamBatch {
    return { events, resumeToken: encodeToken(this.position), invalidated };
  }

  /** Where reading the oplog starts: at the entry of the position's cluster time. */
  private oplogPosition(): OplogPosition {
    const tick = this.clock.tickOf(this.position.t, this.position.i);
    return { tick, index: this.position.event ? this.position.index : 0 };
  }

  private positionsOf(entry: OplogEntry, invalidates: boolean): StreamPosition[] {
    const { t, i } = this.clock.at(entry.tick);
    const event = { t, i, event: true, index: entry.index, invalidate: false };
    return invalidates ? [event, { ...event, invalidate: true }] : [event];
  }
}

function tooLarge(size: number): MongoCommandError {
  return new MongoCommandError(
    'BSONObjectTooLarge',
    `BSONObj size: ${size} is invalid. Size must be between 0 and ${MAX_DOCUMENT_SIZE}(16MB)`,
  );
}
