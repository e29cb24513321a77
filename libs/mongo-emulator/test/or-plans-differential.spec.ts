import type { Collection, Document } from 'mongodb';
import { useEmulatorClient } from './emulator-client';
import { randomOrQuery, type RandomDoc, type RandomQuery } from './fixtures/random-documents';
import {
  churnAroundTransaction,
  expectSameSetAsMatcher,
  seedRandomCollection,
} from './fixtures/random-collection';
import { expectSameAsScan } from './fixtures/same-as-scan';
import { seededRandom } from './fixtures/seeded-random';

const DOCUMENTS = 400;
const QUERIES = 150;
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
    collection = mongo.db.collection<RandomDoc>('docs');
    documents = await seedRandomCollection(collection, seededRandom(31), DOCUMENTS);
  });

  it('returns what a scan returns, in the same order, for random $or queries', async () => {
    const random = seededRandom(5);
    const seen = new Map<string, number>();
    for (let i = 0; i < QUERIES; i++) {
      const query = randomOrQuery(random);
      await expectSameSetAsMatcher(collection, documents, query);
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
      await churnAroundTransaction(collection, random, session, {
        rounds: 30,
        insertedFrom: DOCUMENTS,
        replacedOutsideFrom: 250,
        deletedOutsideFrom: 330,
      });
      for (let i = 0; i < QUERIES / 3; i++)
        await expectSameAsScan(collection, randomOrQuery(random), [], session);
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
  });
});
