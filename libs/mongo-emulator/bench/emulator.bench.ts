import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { COMMAND_TIMING_CHANNEL, MongoEmulator, type CommandTiming } from '@kassa/mongo-emulator';
import { Collection, Db, MongoClient } from 'mongodb';
import {
  formatPointTable,
  formatScalingTable,
  Measurement,
  pingMultipleOf,
  PING,
  RATIO_LIMIT,
  ratioOf,
} from './bench-table';
import { LIST_WORKLOADS, load, POINT_WORKLOADS, Product, Workload } from './workloads';

/**
 * Operations through the official driver over a socket, one at a time: 1k warm-up then 5k
 * timed operations, best of 5 runs. Point operations run at 1k and 100k documents beside a
 * ping; list operations (a range page and its count) at 1k, 10k and 100k. With the emulator
 * in-process, its own time per operation is read from its timing channel. Runs against
 * MONGODB_URI when set, else an emulator started in-process.
 */
const POINT_SIZES = [1_000, 100_000];
const LIST_SIZES = [1_000, 10_000, 100_000];
const WARM_UP_OPS = 1_000;
const TIMED_OPS = 5_000;
const RUNS = 5;
/** An indexed findOne may cost at most this multiple of a ping. */
const PING_LIMITS = { 'findOne by _id': 1.3, 'findOne by sku': 1.3 };

/** Sums the emulator's own time per command while subscribed. */
class EmulatorClock {
  micros = 0;
  private readonly listener = (message: unknown) => {
    this.micros += (message as CommandTiming).micros;
  };

  start(): void {
    subscribe(COMMAND_TIMING_CHANNEL, this.listener);
  }

  stop(): void {
    unsubscribe(COMMAND_TIMING_CHANNEL, this.listener);
  }
}

async function timeRun(
  operation: (index: number) => Promise<unknown>,
  clock: EmulatorClock | undefined,
): Promise<{ micros: number; emulatorMicros: number }> {
  for (let i = 0; i < WARM_UP_OPS; i += 1) await operation(i);
  if (clock) clock.micros = 0;
  const started = process.hrtime.bigint();
  for (let i = WARM_UP_OPS; i < WARM_UP_OPS + TIMED_OPS; i += 1) await operation(i);
  const micros = Number(process.hrtime.bigint() - started) / 1_000 / TIMED_OPS;
  return { micros, emulatorMicros: (clock?.micros ?? 0) / TIMED_OPS };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Runs every workload RUNS times, interleaved, so a change of machine load hits them all.
 * Other work on the machine only ever adds time, so a workload's cost is its best run; its
 * multiple of a ping is the median, over runs, of its time over the ping run next to it.
 */
async function measure(
  workloads: Workload[],
  collection: Collection<Product>,
  db: Db,
  size: number,
  clock: EmulatorClock | undefined,
): Promise<Measurement[]> {
  const runs = workloads.map(() => [] as Array<{ micros: number; emulatorMicros: number }>);
  for (let run = 0; run < RUNS; run += 1) {
    for (const [i, workload] of workloads.entries()) {
      runs[i].push(await timeRun(workload.operation(collection, size, db), clock));
      await workload.reset?.(collection, size);
    }
  }
  const pingRuns = runs[workloads.findIndex((workload) => workload.name === PING)];
  return workloads.map((workload, i) => {
    const microsPerOp = Math.min(...runs[i].map((r) => r.micros));
    const emulatorMicros = clock ? Math.min(...runs[i].map((r) => r.emulatorMicros)) : undefined;
    const pingMultiple = pingRuns
      ? median(runs[i].map((r, run) => r.micros / pingRuns[run].micros))
      : undefined;
    console.log(
      `  ${size} docs, ${workload.name}: ${microsPerOp.toFixed(1)} µs/op` +
        (emulatorMicros === undefined ? '' : `, emulator ${emulatorMicros.toFixed(1)} µs`) +
        ` (runs: ${runs[i].map((r) => r.micros.toFixed(1)).join(', ')})`,
    );
    return { operation: workload.name, size, microsPerOp, emulatorMicros, pingMultiple };
  });
}

async function main(): Promise<number> {
  const configuredUri = process.env.MONGODB_URI;
  const emulator = configuredUri ? undefined : await MongoEmulator.start({});
  const uri = configuredUri ?? (emulator as MongoEmulator).uri;
  const client = await MongoClient.connect(uri);
  const clock = emulator ? new EmulatorClock() : undefined;
  clock?.start();
  const points: Measurement[] = [];
  const lists: Measurement[] = [];
  try {
    console.log(`Benchmark against ${configuredUri ? 'MONGODB_URI' : `the emulator at ${uri}`}`);
    const db = client.db('kassa-bench');
    const collection = db.collection<Product>('products');
    for (const size of LIST_SIZES) {
      console.log(`Loading ${size} documents...`);
      await load(collection, size);
      if (POINT_SIZES.includes(size))
        points.push(...(await measure(POINT_WORKLOADS, collection, db, size, clock)));
      lists.push(...(await measure(LIST_WORKLOADS, collection, db, size, clock)));
    }
    await db.dropDatabase();
  } finally {
    clock?.stop();
    await client.close();
    await emulator?.stop();
  }
  console.log(
    "\nPoint operations (µs per operation; x ping: time over a ping's; emulator: its own µs)",
  );
  formatPointTable(points, POINT_SIZES, PING_LIMITS).forEach((line) => console.log(line));
  console.log('\nList operations (µs per operation)');
  formatScalingTable(lists, LIST_SIZES).forEach((line) => console.log(line));
  return verdict(points, lists);
}

/** Exit status 1 when an operation grows beyond the limit or a findOne is too far from ping. */
function verdict(points: Measurement[], lists: Measurement[]): number {
  const problems: string[] = [];
  const [small, large] = [LIST_SIZES[0], LIST_SIZES[LIST_SIZES.length - 1]];
  for (const measurements of [points, lists]) {
    for (const operation of new Set(measurements.map((item) => item.operation))) {
      if (ratioOf(measurements, operation, small, large) > RATIO_LIMIT)
        problems.push(`${operation} grows more than ${RATIO_LIMIT}x`);
    }
  }
  for (const [operation, limit] of Object.entries(PING_LIMITS)) {
    for (const size of POINT_SIZES)
      if (pingMultipleOf(points, operation, size) > limit)
        problems.push(`${operation} costs more than ${limit}x a ping at ${size}`);
  }
  if (problems.length > 0) console.log(`\n${problems.join('\n')}`);
  return problems.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
