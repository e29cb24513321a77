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

  /** The cluster time of the latest write: seconds since boot plus the logical clock. */
  operationTime(): Timestamp {
    return new Timestamp({ t: this.bootSeconds, i: this.engine.now() + 1 });
  }

  clusterTime(): Record<string, unknown> {
    return {
      clusterTime: this.operationTime(),
      signature: { hash: new Binary(Buffer.alloc(20), 0), keyId: Long.fromNumber(0) },
    };
  }
}
