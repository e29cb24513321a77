import type { Collection, Document } from 'mongodb';
import { compileFilter } from '../src/query/matcher';
import { useEmulatorClient } from './emulator-client';
import {
  randomDocument,
  randomOrQuery,
  type RandomDoc,
  type RandomQuery,
} from './fixtures/random-documents';
import { expectSameAsScan, foundIds } from './fixtures/same-as-scan';
import { seededRandom } from './fixtures/seeded-random';

const DOCUMENTS = 400;
const QUERIES = 150;
const INDEXES: Document[] = [
  { a: 1 },
  { b: 1, a: -1 },
  { c: 1, b: 1 },
  { 'd.e': -1 },
  { b: -1, c: 1 },
];

/**
 * The stages of a find's winning plan, a SORT_MERGE named `SORT_MERGE(union)` when it merges
 * `$or` branches (scans of different indexes, or of one under a FETCH of its own conditions).
 */
async function planStages(collection: Collection<RandomDoc>, query: RandomQuery) {
  const explained = await collection
    .find(query.filter, { sort: query.sort, skip: query.skip, limit: query.limit })
    .explain('queryPlanner');
  const stages = new Set<string>();
  const walk = (stage: Document | undefined) => {
    if (!stage) return;
    const inputs = (stage.inputStages as Document[] | undefined) ?? [];
    const union =
      new Set(inputs.map((input) => input.indexName)).size > 1 ||
      inputs.some((input) => input.stage === 'FETCH');
    stages.add(stage.stage === 'SORT_MERGE' && union ? 'SORT_MERGE(union)' : String(stage.stage));
    walk(stage.inputStage as Document | undefined);
    inputs.forEach(walk);
  };
  walk(explained.queryPlanner.winningPlan as Document);
  return stages;
}

/**
 * Random `$or` filters (indexed branches, branches no index serves, nested `$or`, conditions
 * beside the `$or`) over random documents: whichever plan runs (OR, SORT_MERGE, a single index,
 * a scan), the results, their order and the counts are those of a collection scan, and the
 * set is the filter compiler's.
 */
describe('$or plans against collection scans', () => {
  const mongo = useEmulatorClient('or-walks');
  let collection: Collection<RandomDoc>;
  let documents: RandomDoc[];

  beforeAll(async () => {
    const random = seededRandom(31);
    collection = mongo.db.collection<RandomDoc>('docs');
    for (const key of INDEXES) await collection.createIndex(key);
    documents = Array.from({ length: DOCUMENTS }, (_, id) => randomDocument(random, id));
    await collection.insertMany(documents.map((doc) => ({ ...doc })));
  });

  it('returns what a scan returns, in the same order, for random $or queries', async () => {
    const random = seededRandom(5);
    const seen = new Map<string, number>();
    for (let i = 0; i < QUERIES; i++) {
      const query = randomOrQuery(random);
      const matcher = compileFilter(query.filter);
      const expected = documents.filter((doc) => matcher.test(doc)).map((doc) => doc._id);
      const all = { ...query, sort: {}, skip: 0, limit: 0 };
      expect({ filter: query.filter, ids: await foundIds(collection, all, undefined) }).toEqual({
        filter: query.filter,
        ids: expected,
      });
      await expectSameAsScan(collection, query, []);
      for (const stage of await planStages(collection, query))
        seen.set(stage, (seen.get(stage) ?? 0) + 1);
    }
    expect(seen.get('OR')).toBeGreaterThan(20);
    expect(seen.get('SORT_MERGE(union)')).toBeGreaterThan(5);
    expect(seen.get('COLLSCAN')).toBeGreaterThan(5);
  });

  it('agrees inside a transaction with its own writes and others committed after its snapshot', async () => {
    const random = seededRandom(8);
    const session = mongo.client.startSession();
    try {
      session.startTransaction();
      await collection.findOne({ _id: 0 }, { session });
      for (let i = 0; i < 30; i++) {
        await collection.insertOne(randomDocument(random, DOCUMENTS + i), { session });
        const { _id, ...changed } = randomDocument(random, 2 * i + 1);
        await collection.replaceOne({ _id }, changed, { session });
        await collection.deleteOne({ _id: 3 * i + 2 }, { session });
        const { _id: otherId, ...other } = randomDocument(random, 250 + i);
        await collection.replaceOne({ _id: otherId }, other);
        await collection.deleteOne({ _id: 330 + i });
      }
      for (let i = 0; i < QUERIES / 3; i++)
        await expectSameAsScan(collection, randomOrQuery(random), [], session);
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
  });
});
