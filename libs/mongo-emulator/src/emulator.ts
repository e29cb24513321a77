import { consoleLogger, type EmulatorLogger } from './errors';
import { WireServer } from './server';
import { EmulatorState } from './state';
import { DEFAULT_OPLOG_LIMITS } from './storage/oplog';
import { TtlMonitor } from './storage/ttl';

export interface MongoEmulatorOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Replica set name presented to clients; default "rs0". */
  replicaSetName?: string;
  /** Seconds between TTL passes; default 60, as MongoDB. */
  ttlMonitorSleepSecs?: number;
  /** Where faults of the emulator are reported (with their stacks); default stderr. */
  logger?: EmulatorLogger;
  /** Minutes after which an idle session expires (aborting its transaction); default 30. */
  logicalSessionTimeoutMinutes?: number;
  /**
   * How many of the latest writes the oplog keeps for change streams; default 10 000. A stream
   * resumed from before them fails with ChangeStreamHistoryLost (286).
   */
  oplogEntries?: number;
  /** The most megabytes of documents the oplog's entries hold; default 64. */
  oplogSizeMB?: number;
}

const MEGABYTE = 1024 * 1024;

/**
 * An in-process server speaking the MongoDB wire protocol, presenting itself as the primary
 * of a one-node MongoDB 7.0 replica set. Data lives in memory only.
 */
export class MongoEmulator {
  private constructor(
    private readonly server: WireServer,
    private readonly state: EmulatorState,
    private readonly ttl: TtlMonitor,
    readonly uri: string,
    readonly port: number,
  ) {}

  static async start(options: MongoEmulatorOptions = {}): Promise<MongoEmulator> {
    const host = options.host ?? '127.0.0.1';
    const replicaSetName = options.replicaSetName ?? 'rs0';
    const oplogLimits = {
      entries: options.oplogEntries ?? DEFAULT_OPLOG_LIMITS.entries,
      bytes: (options.oplogSizeMB ?? DEFAULT_OPLOG_LIMITS.bytes / MEGABYTE) * MEGABYTE,
    };
    if (!Number.isInteger(oplogLimits.entries) || oplogLimits.entries < 1)
      throw new RangeError('oplogEntries must be a positive integer');
    if (!(oplogLimits.bytes > 0)) throw new RangeError('oplogSizeMB must be positive');
    const state = new EmulatorState(
      { host, port: options.port ?? 0, replicaSetName },
      {
        ttlMonitorSleepSecs: options.ttlMonitorSleepSecs ?? 60,
        logicalSessionTimeoutMinutes: options.logicalSessionTimeoutMinutes ?? 30,
        logger: options.logger ?? consoleLogger,
        oplogLimits,
      },
    );
    const server = new WireServer(state);
    const port = await server.listen(host, options.port ?? 0);
    state.identity = { host, port, replicaSetName };
    const ttl = new TtlMonitor(state.engine);
    ttl.start();
    state.sessions.start();
    return new MongoEmulator(
      server,
      state,
      ttl,
      `mongodb://${host}:${port}/?replicaSet=${encodeURIComponent(replicaSetName)}`,
      port,
    );
  }

  /** Closes the listening socket, every client connection and every cursor. */
  async stop(): Promise<void> {
    this.ttl.stop();
    this.state.sessions.stop();
    this.state.cursors.closeAll();
    await this.server.close();
  }
}
