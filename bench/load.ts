import autocannon from 'autocannon';
import { BenchRequest, PreparedCase } from './bench-case';
import { cpuSecondsOf } from './cpu-time';
import { CpuPerRequest, Measurement } from './report';

export interface LoadOptions {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

/** Where the requests go, and the processes whose CPU time they cost. */
export interface LoadTarget {
  url: string;
  serverPid: number;
  /** The database's own process, when it has one (not the in-process emulator). */
  databasePid?: number;
}

/**
 * Warms the route up, then measures it with `connections` keep-alive connections, no pipelining,
 * reading the server's (and database's) CPU time around the measured part.
 */
export async function measure(
  target: LoadTarget,
  prepared: PreparedCase,
  options: LoadOptions,
): Promise<Measurement> {
  if (options.warmupSeconds > 0) await run(target.url, prepared, options, options.warmupSeconds);
  const before = cpuOf(target);
  const result = await run(target.url, prepared, options, options.durationSeconds);
  const after = cpuOf(target);
  const requests = result.requests.total;
  return {
    requestsPerSecond: requests / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests,
    errors: result.errors,
    non2xx: result.non2xx,
    cpuMsPerRequest: {
      server: msPerRequest(before.server, after.server, requests),
      database: msPerRequest(before.database, after.database, requests),
    },
  };
}

function run(
  url: string,
  prepared: PreparedCase,
  options: LoadOptions,
  durationSeconds: number,
): Promise<autocannon.Result> {
  const { request } = prepared;
  return autocannon({
    url,
    connections: options.connections,
    duration: durationSeconds,
    requests: [
      typeof request === 'function'
        ? { setupRequest: (base) => ({ ...base, ...toAutocannon(request()) }) }
        : toAutocannon(request),
    ],
  });
}

/** Fresh objects each time: autocannon writes into the requests it is given. */
function toAutocannon({ method = 'GET', path, headers = {}, body }: BenchRequest) {
  return { method, path, headers: { ...headers }, ...(body !== undefined && { body }) };
}

/** CPU seconds so far of the server and of its database process. */
export function cpuOf(target: LoadTarget): { server?: number; database?: number } {
  return {
    server: cpuSecondsOf(target.serverPid),
    database: target.databasePid === undefined ? undefined : cpuSecondsOf(target.databasePid),
  };
}

/** CPU milliseconds per unit of work (request, iteration) between two readings. */
export function msPerRequest(
  before: number | undefined,
  after: number | undefined,
  requests: number,
): CpuPerRequest[keyof CpuPerRequest] {
  if (before === undefined || after === undefined || requests === 0) return undefined;
  return ((after - before) * 1000) / requests;
}
