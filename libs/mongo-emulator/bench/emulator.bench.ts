import { MongoEmulator } from '@kassa/mongo-emulator';
import { ChangeStream, Collection, MongoClient } from 'mongodb';
import { formatTable, Measurement, RATIO_LIMIT, ratioOf } from './bench-table';

/**
 * Indexed point operations through the official driver over a socket, at 1k and 100k documents:
 * 1k warm-up then 10k timed operations, one at a time, median of 5 runs.
 * Runs against MONGODB_URI when set, else an emulator started in-process.
 */
const SIZES: [number, number] = [1_000, 100_000];
const WARM_UP_OPS = 1_000;
const TIMED_OPS = 10_000;
const RUNS = 5;
const LOAD_BATCH = 1_000;

interface Product {
  _id: number;
  sku: string;
  name: string;
  priceCents: number;
  stock: number;
  category: string;
}

/** Deterministic pseudo-random integers (mulberry32), so every run draws the same keys. */
function randomIntegers(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

function product(id: number): Product {
  return {
    _id: id,
    sku: `SKU-${id.toString().padStart(8, '0')}`,
    name: `Product ${id}`,
    priceCents: 100 + (id % 9_900),
    stock: id % 50,
    category: `category-${id % 20}`,
  };
}

async function load(collection: Collection<Product>, size: number): Promise<void> {
  await collection.drop().catch(() => undefined);
  await collection.createIndex({ sku: 1 }, { unique: true });
  for (let start = 0; start < size; start += LOAD_BATCH) {
    const batch = Array.from({ length: Math.min(LOAD_BATCH, size - start) }, (_, i) =>
      product(start + i),
    );
    await collection.insertMany(batch, { ordered: false });
  }
}

type Operation = (index: number) => Promise<unknown>;

interface Workload {
  name: string;
  operation(collection: Collection<Product>, size: number): Operation;
  /** Restores the collection after a run (outside the timed part). */
  reset?(collection: Collection<Product>, size: number): Promise<unknown>;
}

/** An insert and its event read from a change stream on the collection (opened once per run). */
function insertSeenByChangeStream(): Workload {
  let stream: ChangeStream | undefined;
  return {
    name: 'insert + its event',
    operation: (collection, size) => async (index) => {
      if (!stream) {
        stream = collection.watch([], { maxAwaitTimeMS: 50 });
        await stream.tryNext();
      }
      await collection.insertOne(product(size + index));
      await stream.next();
    },
    reset: async (collection, size) => {
      await stream?.close();
      stream = undefined;
      await collection.deleteMany({ _id: { $gte: size } });
    },
  };
}

const WORKLOADS: Workload[] = [
  {
    name: 'findOne by _id',
    operation: (collection, size) => {
      const next = randomIntegers(1);
      return () => collection.findOne({ _id: next(size) });
    },
  },
  {
    name: 'findOne by sku',
    operation: (collection, size) => {
      const next = randomIntegers(2);
      return () => collection.findOne({ sku: product(next(size)).sku });
    },
  },
  {
    name: 'insertOne',
    operation: (collection, size) => (index) => collection.insertOne(product(size + index)),
    reset: (collection, size) => collection.deleteMany({ _id: { $gte: size } }),
  },
  {
    name: 'updateOne by _id',
    operation: (collection, size) => {
      const next = randomIntegers(3);
      return () => collection.updateOne({ _id: next(size) }, { $inc: { stock: 1 } });
    },
  },
  insertSeenByChangeStream(),
];

async function timeRun(operation: Operation): Promise<number> {
  for (let i = 0; i < WARM_UP_OPS; i += 1) await operation(i);
  const started = process.hrtime.bigint();
  for (let i = WARM_UP_OPS; i < WARM_UP_OPS + TIMED_OPS; i += 1) await operation(i);
  return Number(process.hrtime.bigint() - started) / 1_000 / TIMED_OPS;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function measure(collection: Collection<Product>, size: number): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  for (const workload of WORKLOADS) {
    const runs: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      runs.push(await timeRun(workload.operation(collection, size)));
      await workload.reset?.(collection, size);
    }
    const microsPerOp = median(runs);
    measurements.push({ operation: workload.name, size, microsPerOp });
    console.log(
      `  ${size} docs, ${workload.name}: ${microsPerOp.toFixed(1)} µs/op (runs: ${runs.map((r) => r.toFixed(1)).join(', ')})`,
    );
  }
  return measurements;
}

async function main(): Promise<number> {
  const configuredUri = process.env.MONGODB_URI;
  const emulator = configuredUri ? undefined : await MongoEmulator.start({});
  const uri = configuredUri ?? (emulator as MongoEmulator).uri;
  const client = await MongoClient.connect(uri);
  const measurements: Measurement[] = [];
  try {
    console.log(`Benchmark against ${configuredUri ? 'MONGODB_URI' : `the emulator at ${uri}`}`);
    const collection = client.db('kassa-bench').collection<Product>('products');
    for (const size of SIZES) {
      console.log(`Loading ${size} documents...`);
      await load(collection, size);
      measurements.push(...(await measure(collection, size)));
    }
    await client.db('kassa-bench').dropDatabase();
  } finally {
    await client.close();
    await emulator?.stop();
  }
  console.log('');
  formatTable(measurements, SIZES).forEach((line) => console.log(line));
  const slow = [...new Set(measurements.map((item) => item.operation))].filter(
    (operation) => ratioOf(measurements, operation, SIZES[0], SIZES[1]) > RATIO_LIMIT,
  );
  if (slow.length > 0)
    console.log(`\nSlower than ${RATIO_LIMIT}x at ${SIZES[1]} documents: ${slow.join(', ')}`);
  return slow.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
