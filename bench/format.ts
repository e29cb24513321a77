import type { CpuPerRequest } from './report';

export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(ratio < 0.1 ? 2 : 1)} %`;
}

/** Latencies come in whole milliseconds (the load generator's resolution); 0 means under 1. */
export function formatMs(ms: number): string {
  return ms < 1 ? '< 1' : ms.toFixed(0);
}

/** "0.82 + 0.41": server + database CPU ms per request; one number without a database process. */
export function formatCpu({ server, database }: CpuPerRequest): string {
  const format = (ms: number | undefined) =>
    ms === undefined ? '?' : ms.toFixed(ms < 0.1 ? 3 : 2);
  if (server === undefined && database === undefined) return '-';
  return database === undefined ? format(server) : `${format(server)} + ${format(database)}`;
}
