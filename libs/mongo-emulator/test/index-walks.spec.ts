import type { Collection } from 'mongodb';
import { useEmulatorClient } from './emulator-client';
import { randomQuery, type RandomDoc } from './fixtures/random-documents';
import {
  churnAroundTransaction,
  expectSameSetAsMatcher,
  RANDOM_INDEXES,
  seedRandomCollection,
} from './fixtures/random-collection';
import { expectSameAsScan, NATURAL } from './fixtures/same-as-scan';
import { seededRandom } from './fixtures/seeded-random';

const DOCUMENTS = 500;
const QUERIES = 150;
describe('index walks against collection scans', () => {
  const mongo = useEmulatorClient('walks');
  let collection: Collection<RandomDoc>;
  let documents: RandomDoc[];

  beforeAll(async () => {
    collection = mongo.db.collection<RandomDoc>('docs');
    documents = await seedRandomCollection(collection, seededRandom(2024), DOCUMENTS);
  });

  it('returns the same documents in the same order for random range, sort and limit queries', async () => {
    const random = seededRandom(99);
    for (let i = 0; i < QUERIES; i++) {
      const query = randomQuery(random);
      await expectSameSetAsMatcher(collection, documents, query, NATURAL);
      await expectSameAsScan(collection, query, RANDOM_INDEXES);
    }
  });

  it('agrees inside a transaction with its own uncommitted writes and others committed after its snapshot', async () => {
    const random = seededRandom(7);
    const session = mongo.client.startSession();
    try {
      session.startTransaction();
      await churnAroundTransaction(collection, random, session, {
        rounds: 40,
        insertedFrom: DOCUMENTS,
        replacedOutsideFrom: 300,
        deletedOutsideFrom: 400,
      });
      for (let i = 0; i < QUERIES / 3; i++)
        await expectSameAsScan(collection, randomQuery(random), RANDOM_INDEXES, session);
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
    for (let i = 0; i < QUERIES / 3; i++)
      await expectSameAsScan(collection, randomQuery(random), RANDOM_INDEXES);
  });
});
