import type { Collection, Document } from 'mongodb';
import { compileFilter } from '../src/query/matcher';
import { useEmulatorClient } from './emulator-client';
import {
  randomDocument,
  randomQuery,
  type RandomDoc,
  type RandomQuery,
} from './fixtures/random-documents';
import { expectSameAsScan, foundIds } from './fixtures/same-as-scan';
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
  const found = await foundIds(collection, { ...query, sort: {}, skip: 0, limit: 0 }, NATURAL);
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
      await expectSameAsScan(collection, query, INDEXES);
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
        await expectSameAsScan(collection, randomQuery(random), INDEXES, session);
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
    for (let i = 0; i < QUERIES / 3; i++)
      await expectSameAsScan(collection, randomQuery(random), INDEXES);
  });
});
