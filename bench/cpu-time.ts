import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** User + system clock ticks of a `/proc/<pid>/stat` line (fields 14 and 15). */
export function cpuTicksOf(statLine: string): number {
  const afterName = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ');
  const [utime, stime] = [afterName[11], afterName[12]].map(Number);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) {
    throw new Error(`not a /proc stat line: ${statLine.slice(0, 80)}`);
  }
  return utime + stime;
}

let ticksPerSecond: number | undefined;

/** CPU seconds a process has used so far; undefined where `/proc` does not say (not Linux). */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    return cpuTicksOf(readFileSync(`/proc/${pid}/stat`, 'utf8')) / ticksPerSecond;
  } catch {
    return undefined;
  }
}
