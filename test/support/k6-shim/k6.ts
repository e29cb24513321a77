import { currentRecord } from './run-record';
import { blockFor } from './sync-bridge';

/**
 * `k6` for scripts run in Node: `check`, `group`, `sleep` and `fail` as k6 documents them,
 * recording into the current {@link RunRecord}.
 */

export function check<T>(
  value: T,
  sets: Record<string, (value: T) => boolean>,
  tags?: Record<string, string>,
): boolean {
  if (tags !== undefined) throw new Error('the k6 shim does not take check tags');
  const record = currentRecord();
  let all = true;
  for (const [name, predicate] of Object.entries(sets)) {
    const passed = Boolean(predicate(value));
    record.checks.push({ name, group: record.group, passed });
    all &&= passed;
  }
  return all;
}

export function group<T>(name: string, run: () => T): T {
  const record = currentRecord();
  const outer = record.group;
  record.group = `${outer}::${name}`;
  try {
    return run();
  } finally {
    record.group = outer;
  }
}

export function sleep(seconds: number): void {
  blockFor(seconds * 1000);
}

export function fail(message?: string): never {
  throw new Error(message);
}

export default { check, group, sleep, fail };
