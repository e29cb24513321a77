import { Timestamp } from 'bson';

/**
 * Maps the engine's logical clock to MongoDB cluster times: the tick of a committed write `n`
 * is the Timestamp (seconds at boot, n + 1), so every write has its own, increasing cluster time
 * and the reply to a write carries that write's time as its `operationTime`.
 */
export class ClusterClock {
  constructor(readonly bootSeconds: number) {}

  at(tick: number): Timestamp {
    return new Timestamp({ t: this.bootSeconds, i: tick + 1 });
  }

  /** The tick of cluster time (t, i): -Infinity before this server started, Infinity after it. */
  tickOf(t: number, i: number): number {
    if (t < this.bootSeconds) return -Infinity;
    if (t > this.bootSeconds) return Infinity;
    return i - 1;
  }
}
