import { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ScheduledJobs } from './scheduled-jobs';
import { ShutdownState } from './shutdown-state';

export interface GracefulShutdownOptions {
  /** How long requests in flight and running jobs may take before they are cut off. */
  gracePeriodMs: number;
  /** Ends the process with the code; by default once the event loop is empty. */
  exit?: (code: number) => void;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
const FORCED_EXIT_MS = 2_000;

/** Resolves true when `work` settles within `ms`, false when the time runs out first. */
async function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function openConnections(server: Server): Promise<number> {
  return new Promise((resolve) => server.getConnections((_error, count) => resolve(count ?? 0)));
}

/**
 * Ends the process with `code` once nothing is left to run, so the last log lines are written in
 * order (an immediate `process.exit` can overtake a log write still in progress); a handle that
 * stays open cannot keep it alive past {@link FORCED_EXIT_MS}.
 */
function exitWhenIdle(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), FORCED_EXIT_MS).unref();
}

/** From the first signal on, every answer closes its connection, so keep-alive clients leave. */
export function closeConnectionsWhileShuttingDown(app: NestFastifyApplication): void {
  const state = app.get(ShutdownState);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (_request, reply, payload) => {
      if (state.shuttingDown) void reply.header('connection', 'close');
      return payload;
    });
}

/**
 * Stops the API cleanly on SIGTERM or SIGINT, then exits 0:
 * 1. readiness answers 503 and new connections are refused (idle keep-alive ones are closed);
 * 2. requests in flight finish and running jobs end, while no job starts again, within the
 *    grace period; after it, the connections still open are closed;
 * 3. the app closes: shutdown hooks, the database connection, the in-process emulator.
 * Later signals are logged and otherwise ignored (a terminal and `npm` may both send one).
 */
export class GracefulShutdown {
  private readonly logger = new Logger('Shutdown');
  private outcome: Promise<number> | undefined;

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly options: GracefulShutdownOptions,
  ) {}

  listen(): void {
    for (const signal of SIGNALS) process.on(signal, () => void this.shutdown(signal));
  }

  /** Shuts down once (later calls get the same outcome) and ends the process with its code. */
  shutdown(reason: string): Promise<number> {
    if (this.outcome) {
      this.logger.warn(`${reason} received while shutting down: already on it`);
      return this.outcome;
    }
    const exit = this.options.exit ?? exitWhenIdle;
    this.outcome = this.run(reason).then((code) => {
      exit(code);
      return code;
    });
    return this.outcome;
  }

  private async run(reason: string): Promise<number> {
    this.app.get(ShutdownState).begin();
    const server = this.app.getHttpServer() as Server;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const seconds = this.options.gracePeriodMs / 1000;
    this.logger.log(
      `${reason} received: shutting down. Readiness answers 503 and new connections are ` +
        `refused; requests in flight and running jobs have ${seconds}s to finish`,
    );
    const jobs = this.app.get(ScheduledJobs);
    if (await within(this.options.gracePeriodMs, Promise.all([closed, jobs.stop()]))) {
      this.logger.log('Requests in flight answered and scheduled jobs stopped');
    } else {
      const open = await openConnections(server);
      const running = jobs.inProgress;
      this.logger.warn(
        `Grace period of ${seconds}s over: closing ${open} connection(s) still open` +
          (running.length > 0 ? `; jobs still running: ${running.join(', ')}` : ''),
      );
      server.closeAllConnections();
      await closed;
    }
    try {
      await this.app.close();
    } catch (error) {
      this.logger.error(`Shutdown failed: ${(error as Error).message}`);
      return 1;
    }
    this.logger.log('Shutdown complete');
    return 0;
  }
}
