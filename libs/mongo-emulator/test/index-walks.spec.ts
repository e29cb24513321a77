import type { ClientSession, Collection, Document } from 'mongodb';
import { compileFilter } from '../src/query/matcher';
import { useEmulatorClient } from './emulator-client';
import {
  randomDocument,
  randomQuery,
  type RandomDoc,
  type RandomQuery,
} from './fixtures/random-documents';
import { seededRandom } from './fixtures/seeded-random';

const DOCUMENTS = 500;
const QUERIES = 150;
const INDEXES: Document[] = [
  { a: 1 },
  { b: 1, a: -1 },
  { c: 1, b: 1 },
  { 'd.e': -1 },
  { b: -1, c: 1 },
];
const NATURAL = { $natural: 1 };

async function ids(
  collection: Collection<RandomDoc>,
  query: RandomQuery,
  hint: Document | string | undefined,
  session?: ClientSession,
): Promise<number[]> {
  const cursor = collection.find(query.filter, {
    session,
    sort: query.sort,
    skip: query.skip,
    limit: query.limit,
  });
  if (hint) cursor.hint(hint);
  const found = (await cursor.toArray()).map((doc) => doc._id);
  return Object.keys(query.sort).length > 0 ? found : found.sort((x, y) => x - y);
}

/**
 * Every plan (the planner's own, each index hinted) must return exactly what a scan returns:
 * sorted results in the same order (ties in natural order), unsorted ones as the same set.
 */
async function expectSameAsScan(
  collection: Collection<RandomDoc>,
  query: RandomQuery,
  session?: ClientSession,
): Promise<void> {
  const scanned = await ids(collection, query, NATURAL, session);
  const hints = [undefined, ...INDEXES];
  for (const hint of hints) {
    const found = await ids(collection, query, hint, session);
    if (JSON.stringify(found) !== JSON.stringify(scanned)) {
      throw new Error(
        `hint ${JSON.stringify(hint)} for ${JSON.stringify(query)}:\n  scan  ${JSON.stringify(scanned)}\n  index ${JSON.stringify(found)}`,
      );
    }
  }
  const counted = await collection.countDocuments(query.filter, {
    session,
    skip: query.skip,
    limit: query.limit || undefined,
  });
  expect(counted).toBe(scanned.length);
}

/** The documents a filter selects, as the filter compiler alone (no plan) sees them. */
async function expectSameSetAsMatcher(
  collection: Collection<RandomDoc>,
  documents: RandomDoc[],
  query: RandomQuery,
): Promise<void> {
  const matcher = compileFilter(query.filter);
  const expected = documents
    .filter((doc) => matcher.test(doc))
    .map((doc) => doc._id)
    .sort((x, y) => x - y);
  const found = await ids(collection, { ...query, sort: {}, skip: 0, limit: 0 }, NATURAL);
  expect({ filter: query.filter, ids: found }).toEqual({ filter: query.filter, ids: expected });
}

describe('index walks against collection scans', () => {
  const mongo = useEmulatorClient('walks');
  let collection: Collection<RandomDoc>;
  let documents: RandomDoc[];

  beforeAll(async () => {
    const random = seededRandom(2024);
    collection = mongo.db.collection<RandomDoc>('docs');
    for (const key of INDEXES) await collection.createIndex(key);
    documents = Array.from({ length: DOCUMENTS }, (_, id) => randomDocument(random, id));
    await collection.insertMany(documents.map((doc) => ({ ...doc })));
  });

  it('returns the same documents in the same order for random range, sort and limit queries', async () => {
    const random = seededRandom(99);
    for (let i = 0; i < QUERIES; i++) {
      const query = randomQuery(random);
      await expectSameSetAsMatcher(collection, documents, query);
      await expectSameAsScan(collection, query);
    }
  });

  it('agrees inside a transaction with its own uncommitted writes and others committed after its snapshot', async () => {
    const random = seededRandom(7);
    const session = mongo.client.startSession();
    try {
      session.startTransaction();
      await collection.findOne({ _id: 0 }, { session });
      for (let i = 0; i < 40; i++) {
        await collection.insertOne(randomDocument(random, DOCUMENTS + i), { session });
        const { _id, ...changed } = randomDocument(random, 2 * i + 1);
        await collection.replaceOne({ _id }, changed, { session });
        await collection.deleteOne({ _id: 3 * i + 2 }, { session });
        const { _id: otherId, ...other } = randomDocument(random, 300 + i);
        await collection.replaceOne({ _id: otherId }, other);
        await collection.deleteOne({ _id: 400 + i });
      }
      for (let i = 0; i < QUERIES / 3; i++)
        await expectSameAsScan(collection, randomQuery(random), session);
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
    for (let i = 0; i < QUERIES / 3; i++) await expectSameAsScan(collection, randomQuery(random));
  });
});
