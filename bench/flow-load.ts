import { FlowConnection, FlowIteration, FlowStepError, PreparedFlow, TimedSpan } from './flow-case';
import { UndiciFlowConnection } from './flow-connection';
import { cpuOf, LoadOptions, LoadTarget, msPerRequest } from './load';
import type { CpuPerRequest } from './report';

/** One measured run of a flow. */
export interface FlowMeasurement {
  /** Iterations completed per second of the run. */
  iterationsPerSecond: number;
  iterations: number;
  /** Requests sent, the steps of failed iterations included. */
  requests: number;
  /** Percentiles of the timed span of each completed iteration, in milliseconds. */
  p50Ms: number;
  p99Ms: number;
  /** Iterations stopped by a connection error or timeout. */
  errors: number;
  /** Iterations stopped by an answer outside 2xx. */
  non2xx: number;
  /** CPU milliseconds per iteration, of the server and of a database in its own process. */
  cpuMsPerIteration: CpuPerRequest;
}

/** What the workers did in one run. */
export interface FlowRun {
  elapsedMs: number;
  iterations: number;
  requests: number;
  /** The timed span of every iteration that got through it, in milliseconds. */
  spansMs: number[];
  errors: number;
  non2xx: number;
}

/**
 * Runs one iteration of the first worker on its own connection, before any load: a step answering
 * outside 2xx fails the benchmark with the route and the answer.
 */
export async function probeFlow(url: string, prepared: PreparedFlow): Promise<void> {
  const connection = new UndiciFlowConnection(url);
  try {
    await prepared.workers[0](connection, (steps) => steps());
  } finally {
    await connection.close();
  }
}

/**
 * Warms the flow up, then runs it for the measured duration: one keep-alive connection per
 * worker, each worker looping over its own iteration, the server's (and database's) CPU time read
 * around the measured run.
 */
export async function measureFlow(
  target: LoadTarget,
  prepared: PreparedFlow,
  options: LoadOptions,
): Promise<FlowMeasurement> {
  const connections = prepared.workers.map(() => new UndiciFlowConnection(target.url));
  try {
    if (options.warmupSeconds > 0) {
      await runWorkers(prepared.workers, connections, options.warmupSeconds * 1000);
    }
    const before = cpuOf(target);
    const run = await runWorkers(prepared.workers, connections, options.durationSeconds * 1000);
    const after = cpuOf(target);
    return {
      iterationsPerSecond: run.elapsedMs > 0 ? (run.iterations * 1000) / run.elapsedMs : 0,
      iterations: run.iterations,
      requests: run.requests,
      p50Ms: percentile(run.spansMs, 50),
      p99Ms: percentile(run.spansMs, 99),
      errors: run.errors,
      non2xx: run.non2xx,
      cpuMsPerIteration: {
        server: msPerRequest(before.server, after.server, run.iterations),
        database: msPerRequest(before.database, after.database, run.iterations),
      },
    };
  } finally {
    await Promise.all(connections.map((connection) => connection.close()));
  }
}

/**
 * Every worker loops over its iteration until `durationMs` has passed; an iteration under way
 * then is finished and counted, and the run lasts until the last one ends. A failed step ends its
 * iteration, which is counted as an error (connection) or a non-2xx, and the worker goes on.
 */
export async function runWorkers(
  workers: FlowIteration[],
  connections: FlowConnection[],
  durationMs: number,
): Promise<FlowRun> {
  if (connections.length < workers.length) throw new Error('every worker needs a connection');
  const run = { iterations: 0, requests: 0, spansMs: [] as number[], errors: 0, non2xx: 0 };
  const started = performance.now();
  const deadline = started + durationMs;
  const timed: TimedSpan = async (steps) => {
    const start = performance.now();
    const result = await steps();
    run.spansMs.push(performance.now() - start);
    return result;
  };
  await Promise.all(
    workers.map(async (iterate, index) => {
      const connection: FlowConnection = {
        send: (request) => {
          run.requests++;
          return connections[index].send(request);
        },
      };
      while (performance.now() < deadline) {
        try {
          await iterate(connection, timed);
          run.iterations++;
        } catch (error) {
          if (error instanceof FlowStepError) run.non2xx++;
          else run.errors++;
        }
      }
    }),
  );
  return { ...run, elapsedMs: performance.now() - started };
}

/** The nearest-rank percentile (0 for no values). */
export function percentile(values: number[], percent: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[rank - 1];
}
