import type { CollationOptions, Collection, Document } from 'mongodb';
import { parseCollation } from '../src/query/collation';
import { compileFilter } from '../src/query/matcher';
import { useEmulatorClient } from './emulator-client';
import {
  randomDocument,
  randomQuery,
  type RandomDoc,
  type RandomQuery,
} from './fixtures/random-documents';
import { seededRandom, type SeededRandom } from './fixtures/seeded-random';

const DOCUMENTS = 300;
const QUERIES = 90;
const CASE_INSENSITIVE: CollationOptions = { locale: 'en', strength: 2 };
const ACCENT_INSENSITIVE: CollationOptions = { locale: 'en', strength: 1 };
const INDEXES: Array<{ key: Document; name: string; collation?: CollationOptions }> = [
  { key: { c: 1 }, name: 'c_ci', collation: CASE_INSENSITIVE },
  { key: { c: 1, b: 1 }, name: 'c_b_ai', collation: ACCENT_INSENSITIVE },
  { key: { c: -1 }, name: 'c_simple' },
  { key: { a: 1 }, name: 'a_ci', collation: CASE_INSENSITIVE },
  { key: { b: 1, c: 1 }, name: 'b_c_ci', collation: CASE_INSENSITIVE },
];
const QUERY_COLLATIONS: Array<CollationOptions | undefined> = [
  undefined,
  CASE_INSENSITIVE,
  ACCENT_INSENSITIVE,
  { locale: 'en', strength: 3 },
];
const NATURAL = { $natural: 1 };

/** A random query whose conditions and sort often fall on the string field `c`. */
function stringQuery(random: SeededRandom): RandomQuery {
  const query = randomQuery(random);
  if (random.below(2) === 0) {
    const word = random.pick(['dog', 'DOG', 'Eel', 'éel', 'zebra', 'cat']);
    query.filter.c = random.pick([
      word,
      { $in: [word, random.pick(['ANT', 'fox'])] },
      { $gte: word },
      { $lt: word, $gt: '' },
    ]);
  }
  const sorts: Array<RandomQuery['sort']> = [{ c: 1 }, { c: -1, b: 1 }, { c: 1, a: -1 }];
  if (random.below(2) === 0) query.sort = random.pick(sorts);
  return query;
}

async function ids(
  collection: Collection<RandomDoc>,
  query: RandomQuery,
  collation: CollationOptions | undefined,
  hint: Document | string | undefined,
): Promise<number[]> {
  const cursor = collection.find(query.filter, {
    sort: query.sort,
    skip: query.skip,
    limit: query.limit,
    ...(collation ? { collation } : {}),
  });
  if (hint) cursor.hint(hint);
  const found = (await cursor.toArray()).map((doc) => doc._id);
  return Object.keys(query.sort).length > 0 ? found : found.sort((x, y) => x - y);
}

describe('collated index walks against collection scans', () => {
  const mongo = useEmulatorClient('collated_walks');
  let collection: Collection<RandomDoc>;
  let documents: RandomDoc[];

  beforeAll(async () => {
    const random = seededRandom(31);
    collection = mongo.db.collection<RandomDoc>('words');
    for (const { key, name, collation } of INDEXES)
      await collection.createIndex(key, { name, ...(collation ? { collation } : {}) });
    documents = Array.from({ length: DOCUMENTS }, (_, id) => randomDocument(random, id));
    await collection.insertMany(documents.map((doc) => ({ ...doc })));
  });

  it('returns what the matcher selects under each collation, in the same order with every index', async () => {
    const random = seededRandom(5);
    for (let i = 0; i < QUERIES; i++) {
      const query = stringQuery(random);
      const collation = random.pick(QUERY_COLLATIONS);
      const matcher = compileFilter(query.filter, { collation: parseCollation(collation) });
      const expected = documents
        .filter((doc) => matcher.test(doc))
        .map((doc) => doc._id)
        .sort((x, y) => x - y);
      const unsorted = { ...query, sort: {}, skip: 0, limit: 0 };
      expect({
        query,
        collation,
        ids: await ids(collection, unsorted, collation, NATURAL),
      }).toEqual({ query, collation, ids: expected });
      const scanned = await ids(collection, query, collation, NATURAL);
      for (const hint of [undefined, ...INDEXES.map((index) => index.name)]) {
        const found = await ids(collection, query, collation, hint);
        expect({ query, collation, hint, ids: found }).toEqual({
          query,
          collation,
          hint,
          ids: scanned,
        });
      }
    }
  });

  it('bounds strings and gives the order only with an index of the query collation', async () => {
    const planOf = async (filter: Document, sort: Document, collation?: CollationOptions) => {
      const explained = await collection
        .find(filter, { sort, ...(collation ? { collation } : {}) })
        .explain('queryPlanner');
      return JSON.stringify(explained.queryPlanner.winningPlan);
    };
    const caseless = await planOf({ c: 'DOG' }, {}, CASE_INSENSITIVE);
    expect(caseless).toContain('"indexName":"c_ci","isMultiKey":true');
    expect(caseless).toContain('"indexBounds":{"c":["[\\"DOG\\", \\"DOG\\"]"]}');
    expect(await planOf({ c: 'DOG' }, {})).toContain('"indexName":"c_simple"');
    const accentless = await planOf({ c: 'eel', b: 3 }, {}, ACCENT_INSENSITIVE);
    expect(accentless).toContain('"indexName":"c_b_ai"');
    const otherCollation = await planOf({ c: { $gte: 'dog' } }, {}, { locale: 'fr' });
    expect(otherCollation).not.toContain('"indexName":"c_');
    expect(await planOf({ b: 4 }, {}, { locale: 'fr' })).toContain('"indexName":"b_c_ci"');
    const orderedCaseless = await planOf({}, { c: 1 }, CASE_INSENSITIVE);
    expect(orderedCaseless).toContain('"indexName":"c_ci"');
    expect(orderedCaseless).not.toContain('"SORT"');
    const orderedSimple = await planOf({}, { c: 1 });
    expect(orderedSimple).toContain('"indexName":"c_simple","isMultiKey":true');
    expect(orderedSimple).toContain('"direction":"backward"');
    expect(await planOf({}, { c: 1 }, { locale: 'fr' })).toContain('"stage":"SORT"');
  });
});

describe('a collection default collation on the _id index', () => {
  const mongo = useEmulatorClient('collated_ids');

  it('treats _id strings equal under it as one key, and finds them through it', async () => {
    await mongo.db.createCollection('tags', { collation: CASE_INSENSITIVE });
    const tags = mongo.db.collection<{ _id: string; n: number }>('tags');
    await tags.insertOne({ _id: 'Sale', n: 1 });
    await expect(tags.insertOne({ _id: 'SALE', n: 2 })).rejects.toMatchObject({
      code: 11000,
      message: expect.stringContaining('index: _id_ dup key'),
    });
    expect(await tags.findOne({ _id: 'sale' })).toEqual({ _id: 'Sale', n: 1 });
    expect(await tags.findOne({ _id: 'sale' }, { collation: { locale: 'simple' } })).toBeNull();
    await tags.insertOne({ _id: 'new', n: 3 });
    expect(await tags.countDocuments({ _id: { $in: ['NEW', 'sale'] } })).toBe(2);
  });
});
