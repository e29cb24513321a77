import type { ChangeStream, Collection, Db } from 'mongodb';
import { seededRandom } from '../test/fixtures/seeded-random';
import { PING } from './bench-table';

export interface Product {
  _id: number;
  sku: string;
  name: string;
  priceCents: number;
  stock: number;
  category: string;
}

const LOAD_BATCH = 1_000;
const CATEGORIES = 20;

export function product(id: number): Product {
  return {
    _id: id,
    sku: `SKU-${id.toString().padStart(8, '0')}`,
    name: `Product ${id}`,
    priceCents: 100 + (id % 9_900),
    stock: id % 50,
    category: `category-${id % CATEGORIES}`,
  };
}

/** Drops and refills the collection with `size` products and the indexes the workloads use. */
export async function load(collection: Collection<Product>, size: number): Promise<void> {
  await collection.drop().catch(() => undefined);
  await collection.createIndex({ sku: 1 }, { unique: true });
  await collection.createIndex({ category: 1, priceCents: -1 });
  for (let start = 0; start < size; start += LOAD_BATCH) {
    const batch = Array.from({ length: Math.min(LOAD_BATCH, size - start) }, (_, i) =>
      product(start + i),
    );
    await collection.insertMany(batch, { ordered: false });
  }
}

export type Operation = (index: number) => Promise<unknown>;

export interface Workload {
  name: string;
  operation(collection: Collection<Product>, size: number, db: Db): Operation;
  /** Restores the collection after a run (outside the timed part). */
  reset?(collection: Collection<Product>, size: number): Promise<unknown>;
}

/** A category and price ceiling: about half of a category's products, different each time. */
function rangeFilter(next: (below: number) => number) {
  return {
    category: `category-${next(CATEGORIES)}`,
    priceCents: { $lte: 2_000 + next(7_000) },
  };
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

/** Point operations, one or two round trips each; `ping` is the driver's floor. */
export const POINT_WORKLOADS: Workload[] = [
  { name: PING, operation: (_collection, _size, db) => () => db.command({ ping: 1 }) },
  {
    name: 'findOne by _id',
    operation: (collection, size) => {
      const random = seededRandom(1);
      return () => collection.findOne({ _id: random.below(size) });
    },
  },
  {
    name: 'findOne by sku',
    operation: (collection, size) => {
      const random = seededRandom(2);
      return () => collection.findOne({ sku: product(random.below(size)).sku });
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
      const random = seededRandom(3);
      return () => collection.updateOne({ _id: random.below(size) }, { $inc: { stock: 1 } });
    },
  },
  insertSeenByChangeStream(),
];

/** A product list page and its total: walked and counted on {category: 1, priceCents: -1}. */
export const LIST_WORKLOADS: Workload[] = [
  {
    name: 'range+sort+limit 20 skip 20',
    operation: (collection) => {
      const random = seededRandom(4);
      return () =>
        collection
          .find(rangeFilter(random.below))
          .sort({ priceCents: -1 })
          .skip(20)
          .limit(20)
          .toArray();
    },
  },
  {
    name: 'countDocuments range',
    operation: (collection) => {
      const random = seededRandom(5);
      return () => collection.countDocuments(rangeFilter(random.below));
    },
  },
];
