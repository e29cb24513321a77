import { RunRecord, startRecord } from './run-record';

interface K6Script {
  options?: { vus?: number; iterations?: number; scenarios?: unknown };
  setup?: () => unknown;
  default: (data: unknown) => void;
  teardown?: (data: unknown) => void;
}

interface K6Globals {
  __ENV: Record<string, string>;
  __VU: number;
  __ITER: number;
}

/**
 * Runs a k6 script's life cycle once, as `k6 run` does for one VU and one iteration: the init
 * code with `__ENV`, `setup()` (group `::setup`, VU 0), the default function with the setup data
 * passed through JSON (VU 1, iteration 0), then `teardown(data)` (group `::teardown`). The k6
 * modules it imports must be mapped to this shim (`jest.mock(…, { virtual: true })`).
 */
export function runK6Script(path: string, env: Record<string, string>): RunRecord {
  const globals = globalThis as unknown as K6Globals;
  Object.assign(globals, { __ENV: env, __VU: 0, __ITER: 0 });
  const record = startRecord();
  const script = jest.requireActual<K6Script>(path);
  const { options } = script;
  if (options?.vus !== 1 || options.iterations !== 1 || options.scenarios !== undefined) {
    throw new Error(`${path}: the k6 shim runs scripts of one VU and one iteration only`);
  }
  record.group = '::setup';
  const data: unknown = JSON.parse(JSON.stringify(script.setup?.() ?? null));
  record.group = '';
  Object.assign(globals, { __VU: 1, __ITER: 0 });
  script.default(data);
  Object.assign(globals, { __VU: 0 });
  record.group = '::teardown';
  script.teardown?.(data);
  record.group = '';
  return record;
}
