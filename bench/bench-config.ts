/** The benchmark's settings, read once from `BENCH_*` variables. */
export interface BenchSettings {
  /** Products in the catalog: the 303 of the demo catalog plus generated ones. */
  products: number;
  /** Past paid orders of the bench customers, inserted before the flows run. */
  orders: number;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  /** Case names from `BENCH_CASES`; empty means every case. */
  caseNames: string[];
  /** The API from source in development mode on its in-process emulator (`npm start`). */
  embedded: boolean;
  /** Run `npm run build` first (production mode only). */
  build: boolean;
  /** Run the API under `node --cpu-prof`, its profile written to `bench/results/profiles/`. */
  cpuProfile: boolean;
  pinning: PinningRequest;
}

export interface PinningRequest {
  /** `true`/`false` from `BENCH_PIN`; undefined: pin where `taskset` exists and there are 2 cores. */
  wanted?: boolean;
  serverCpu: number;
  loadCpu: number;
  emulatorCpu: number;
}

export type Pinning =
  | { enabled: false; reason: string }
  | { enabled: true; serverCpu: number; loadCpu: number; emulatorCpu: number };

type Environment = Record<string, string | undefined>;

export function readBenchSettings(env: Environment): BenchSettings {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number) =>
    readInteger(env, name, fallback, min, problems);
  const serverCpu = integer('BENCH_SERVER_CPU', 0, 0);
  const settings: BenchSettings = {
    products: integer('BENCH_PRODUCTS', 10_000, 0),
    orders: integer('BENCH_ORDERS', 10_000, 0),
    durationSeconds: integer('BENCH_DURATION', 10, 1),
    warmupSeconds: integer('BENCH_WARMUP', 3, 0),
    connections: integer('BENCH_CONNECTIONS', 50, 1),
    caseNames: (env.BENCH_CASES ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    embedded: readBoolean(env, 'BENCH_EMBEDDED', problems) ?? false,
    build: readBoolean(env, 'BENCH_BUILD', problems) ?? true,
    cpuProfile: readBoolean(env, 'BENCH_CPU_PROFILE', problems) ?? false,
    pinning: {
      wanted: readBoolean(env, 'BENCH_PIN', problems),
      serverCpu,
      loadCpu: integer('BENCH_LOAD_CPU', 1, 0),
      emulatorCpu: integer('BENCH_EMULATOR_CPU', serverCpu, 0),
    },
  };
  if (problems.length > 0) throw new Error(`Invalid benchmark settings: ${problems.join('; ')}`);
  return settings;
}

/** Whether and where processes are pinned, given what the machine has. */
export function resolvePinning(
  request: PinningRequest,
  tasksetAvailable: boolean,
  cpuCount: number,
): Pinning {
  if (request.wanted === false) return { enabled: false, reason: 'BENCH_PIN=false' };
  const unpinned = (reason: string): Pinning => {
    if (request.wanted) throw new Error(`BENCH_PIN=true, but ${reason}`);
    return { enabled: false, reason };
  };
  if (!tasksetAvailable) return unpinned('taskset is not available');
  if (cpuCount < 2) return unpinned('fewer than 2 cores');
  const { serverCpu, loadCpu, emulatorCpu } = request;
  const outOfRange = [serverCpu, loadCpu, emulatorCpu].filter((cpu) => cpu >= cpuCount);
  if (outOfRange.length > 0) return unpinned(`cpu ${outOfRange[0]} does not exist`);
  return { enabled: true, serverCpu, loadCpu, emulatorCpu };
}

function readInteger(
  env: Environment,
  name: string,
  fallback: number,
  min: number,
  problems: string[],
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < min) {
    problems.push(`${name} must be an integer of at least ${min}`);
    return fallback;
  }
  return value;
}

function readBoolean(env: Environment, name: string, problems: string[]): boolean | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  problems.push(`${name} must be true or false`);
  return undefined;
}
