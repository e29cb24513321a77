import { Binary, Long, ObjectId, Timestamp } from 'bson';
import { ClusterClock } from './cluster-clock';
import type { EmulatorLogger } from './errors';
import { FailPoints } from './failpoints';
import { CursorRegistry } from './session/cursors';
import { SessionRegistry } from './session/sessions';
import { Engine } from './storage/engine';
import type { OplogLimits } from './storage/oplog';

export interface ServerIdentity {
  host: string;
  port: number;
  replicaSetName: string;
}

const CLUSTER_TIME_SIGNATURE = Object.freeze({
  hash: new Binary(Buffer.alloc(20), 0),
  keyId: Long.fromNumber(0),
});

export interface ServerSettings {
  ttlMonitorSleepSecs: number;
  oplogLimits?: OplogLimits;
  logicalSessionTimeoutMinutes: number;
  logger: EmulatorLogger;
}

/** Everything one emulated server holds: data, sessions, cursors, fail points, identity. */
export class EmulatorState {
  readonly engine: Engine;
  readonly sessions: SessionRegistry;
  readonly cursors = new CursorRegistry();
  readonly failPoints = new FailPoints();
  readonly electionId = new ObjectId('7fffffff0000000000000001');
  readonly topologyProcessId = new ObjectId();
  readonly startedAt = Date.now();
  private readonly bootSeconds = Math.floor(Date.now() / 1000);
  /** Cluster times of the oplog's ticks, the same as {@link operationTime} gives. */
  readonly clock = new ClusterClock(this.bootSeconds);
  private connectionCounter = 0;
  identity: ServerIdentity;

  readonly logger: EmulatorLogger;

  constructor(identity: ServerIdentity, settings: ServerSettings) {
    this.identity = identity;
    this.logger = settings.logger;
    this.engine = new Engine(
      { ttlMonitorSleepSecs: settings.ttlMonitorSleepSecs },
      settings.oplogLimits,
    );
    this.sessions = new SessionRegistry(
      this.engine,
      this.cursors,
      settings.logicalSessionTimeoutMinutes,
    );
  }

  get hostAndPort(): string {
    return `${this.identity.host}:${this.identity.port}`;
  }

  nextConnectionId(): number {
    this.connectionCounter += 1;
    return this.connectionCounter;
  }

  private latestTime?: {
    clock: number;
    timestamp: Timestamp;
    clusterTime: Record<string, unknown>;
  };

  /** The cluster time of the latest write: seconds since boot plus the logical clock. */
  operationTime(): Timestamp {
    return this.currentTime().timestamp;
  }

  clusterTime(): Record<string, unknown> {
    return this.currentTime().clusterTime;
  }

  /** Both times, built once per clock value (every reply carries them). */
  private currentTime() {
    const clock = this.engine.now();
    if (this.latestTime?.clock !== clock) {
      const timestamp = this.clock.at(clock);
      this.latestTime = {
        clock,
        timestamp,
        clusterTime: { clusterTime: timestamp, signature: CLUSTER_TIME_SIGNATURE },
      };
    }
    return this.latestTime;
  }
}
