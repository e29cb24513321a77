import { Decimal128, Long, type Collection, type Document } from 'mongodb';
import mongoose from 'mongoose';
import { useEmulatorClient } from './emulator-client';

interface Product {
  _id: number;
  category: string;
  priceCents: number;
  tags: string[];
  sku?: string;
}

const SIZE = 400;

function product(id: number): Product {
  return {
    _id: id,
    category: `c${id % 4}`,
    priceCents: 100 + ((id * 37) % 1000),
    tags: [`t${id % 3}`, `t${(id + 1) % 3}`],
    ...(id % 2 === 0 ? { sku: `S${id}` } : {}),
  };
}

/** The stages of a plan from the root down, following `inputStage`. */
function stagesOf(plan: Document): Document[] {
  const stages: Document[] = [];
  for (let stage: Document | undefined = plan; stage; stage = stage.inputStage) stages.push(stage);
  return stages;
}

function names(plan: Document): string[] {
  return stagesOf(plan).map((stage) => stage.stage as string);
}

describe('explain', () => {
  const mongo = useEmulatorClient('explain');
  let products: Collection<Product>;

  beforeAll(async () => {
    products = mongo.db.collection<Product>('products');
    await products.createIndex({ category: 1, priceCents: -1 });
    await products.createIndex({ tags: 1 });
    await products.insertMany(Array.from({ length: SIZE }, (_, id) => product(id)));
  });

  it('reports the index walk of a range + sort + skip + limit and stops after skip + limit', async () => {
    const cursor = products
      .find({ category: 'c1', priceCents: { $lte: 900 } })
      .sort({ priceCents: -1 })
      .skip(5)
      .limit(10);
    const explained = await cursor.explain('executionStats');
    const { winningPlan } = explained.queryPlanner;
    expect(names(winningPlan)).toEqual(['LIMIT', 'SKIP', 'FETCH', 'IXSCAN']);
    expect(stagesOf(winningPlan)[3]).toMatchObject({
      indexName: 'category_1_priceCents_-1',
      keyPattern: { category: 1, priceCents: -1 },
      direction: 'forward',
      isMultiKey: false,
      indexBounds: { category: ['["c1", "c1"]'], priceCents: ['[900, -inf.0]'] },
    });
    const found = await products
      .find({ category: 'c1', priceCents: { $lte: 900 } })
      .sort({ priceCents: -1 })
      .skip(5)
      .limit(10)
      .toArray();
    expect(explained.executionStats).toMatchObject({ nReturned: found.length });
    expect(explained.executionStats.totalKeysExamined).toBeLessThanOrEqual(16);
    expect(explained.executionStats.totalDocsExamined).toBeLessThanOrEqual(16);
  });

  it('walks backwards for the opposite order and merges point ranges for an $in', async () => {
    const backward = await products
      .find({ category: 'c2' })
      .sort({ priceCents: 1 })
      .explain('queryPlanner');
    expect(stagesOf(backward.queryPlanner.winningPlan)[1]).toMatchObject({
      stage: 'IXSCAN',
      direction: 'backward',
      indexBounds: { category: ['["c2", "c2"]'], priceCents: ['[MinKey, MaxKey]'] },
    });
    const merged = await products
      .find({ category: { $in: ['c1', 'c3'] } })
      .sort({ priceCents: -1 })
      .limit(3)
      .explain('queryPlanner');
    expect(names(merged.queryPlanner.winningPlan)).toEqual(['LIMIT', 'FETCH', 'SORT_MERGE']);
  });

  it('reports a collection scan and a blocking sort when no index fits', async () => {
    const explained = await products
      .find({ sku: { $exists: true } })
      .sort({ sku: 1 })
      .limit(5)
      .explain('executionStats');
    const plan = explained.queryPlanner.winningPlan;
    expect(names(plan)).toEqual(['SORT', 'COLLSCAN']);
    expect(plan).toMatchObject({ sortPattern: { sku: 1 }, limitAmount: 5 });
    expect(plan.inputStage).toMatchObject({ filter: { sku: { $exists: true } } });
    expect(explained.executionStats).toMatchObject({
      nReturned: 5,
      totalKeysExamined: 0,
      totalDocsExamined: SIZE,
    });
  });

  it('looks documents up by _id with IDHACK and flags multikey indexes', async () => {
    const byId = await products.find({ _id: 7 }).explain('queryPlanner');
    expect(byId.queryPlanner.winningPlan).toEqual({ stage: 'IDHACK' });
    const byTag = await products.find({ tags: 't1' }).explain('queryPlanner');
    expect(stagesOf(byTag.queryPlanner.winningPlan)[1]).toMatchObject({
      stage: 'IXSCAN',
      isMultiKey: true,
      multiKeyPaths: { tags: ['tags'] },
    });
  });

  it('prefers the _id index over a wider index that could only check _id key by key', async () => {
    const listed = mongo.db.collection<Product>('listed_products');
    await listed.createIndex({ category: 1, priceCents: 1, _id: 1 });
    await listed.insertMany(Array.from({ length: SIZE }, (_, id) => product(id)));
    const explained = await listed
      .find({ category: 'c1', _id: 9 })
      .limit(1)
      .explain('executionStats');
    expect(names(explained.queryPlanner.winningPlan)).toEqual(['LIMIT', 'FETCH', 'IXSCAN']);
    expect(stagesOf(explained.queryPlanner.winningPlan)[2]).toMatchObject({ indexName: '_id_' });
    expect(explained.executionStats).toMatchObject({
      nReturned: 1,
      totalKeysExamined: 1,
      totalDocsExamined: 1,
    });
  });

  it('counts index keys for a covered count and the documents for an empty filter', async () => {
    const count = await mongo.db.command({
      explain: { count: 'products', query: { category: 'c1', priceCents: { $gte: 500 } } },
      verbosity: 'executionStats',
    });
    const expected = await products.countDocuments({ category: 'c1', priceCents: { $gte: 500 } });
    expect(names(count.queryPlanner.winningPlan)).toEqual(['COUNT', 'COUNT_SCAN']);
    expect(count.queryPlanner.winningPlan.inputStage.indexBounds).toEqual({
      startKey: { category: 'c1', priceCents: Infinity },
      startKeyInclusive: true,
      endKey: { category: 'c1', priceCents: 500 },
      endKeyInclusive: true,
    });
    expect(count.executionStats).toMatchObject({ totalDocsExamined: 0 });
    expect(count.executionStats.executionStages).toMatchObject({ nCounted: expected });
    const all = await mongo.db.command({
      explain: { count: 'products', query: {} },
      verbosity: 'queryPlanner',
    });
    expect(all.queryPlanner.winningPlan).toEqual({ stage: 'RECORD_STORE_FAST_COUNT' });
  });

  it('explains a countDocuments aggregation as a count scan before the $group', async () => {
    const explained = await products
      .aggregate([{ $match: { category: 'c3' } }, { $group: { _id: 1, n: { $sum: 1 } } }])
      .explain('executionStats');
    const [cursor, group] = explained.stages as Document[];
    expect(names(cursor.$cursor.queryPlanner.winningPlan)).toEqual(['COUNT', 'COUNT_SCAN']);
    expect(group).toEqual({ $group: { _id: 1, n: { $sum: 1 } } });
  });

  it('explains an aggregation served entirely by the query layer like a find', async () => {
    const explained = await products
      .aggregate([{ $match: { category: 'c0' } }, { $sort: { priceCents: -1 } }, { $limit: 2 }])
      .explain('queryPlanner');
    expect(names(explained.queryPlanner.winningPlan)).toEqual(['LIMIT', 'FETCH', 'IXSCAN']);
  });

  it('explains distinct, update and delete without writing anything', async () => {
    const distinct = await mongo.db.command({
      explain: { distinct: 'products', key: 'priceCents', query: { category: 'c2' } },
      verbosity: 'queryPlanner',
    });
    expect(names(distinct.queryPlanner.winningPlan)).toEqual(['FETCH', 'IXSCAN']);
    const update = await mongo.db.command({
      explain: {
        update: 'products',
        updates: [{ q: { category: 'c2' }, u: { $set: { priceCents: 1 } }, multi: true }],
      },
      verbosity: 'executionStats',
    });
    expect(names(update.queryPlanner.winningPlan)).toEqual(['UPDATE', 'FETCH', 'IXSCAN']);
    expect(update.executionStats.executionStages).toMatchObject({
      nMatched: SIZE / 4,
      nWouldModify: SIZE / 4,
    });
    const remove = await mongo.db.command({
      explain: { delete: 'products', deletes: [{ q: { _id: { $lt: 10 } }, limit: 0 }] },
      verbosity: 'executionStats',
    });
    expect(names(remove.queryPlanner.winningPlan)).toEqual(['DELETE', 'FETCH', 'IXSCAN']);
    expect(remove.executionStats.executionStages).toMatchObject({ nWouldDelete: 10 });
    expect(await products.countDocuments({ priceCents: 1 })).toBe(0);
    expect(await products.countDocuments()).toBe(SIZE);
  });

  it('walks Decimal128 and long keys in numeric order among the other numbers', async () => {
    const prices = mongo.db.collection<{ _id: number; p: unknown }>('prices');
    await prices.createIndex({ p: 1 });
    await prices.insertMany([
      { _id: 1, p: Decimal128.fromString('2.50') },
      { _id: 2, p: 2 },
      { _id: 3, p: Long.fromString('9007199254740993') },
      { _id: 4, p: 9007199254740992 },
      { _id: 5, p: 2.75 },
      { _id: 6, p: Decimal128.fromString('9007199254740992.5') },
    ]);
    const above = prices.find({ p: { $gt: Decimal128.fromString('2.5') } }).sort({ p: 1 });
    expect((await above.toArray()).map((doc) => doc._id)).toEqual([5, 4, 6, 3]);
    const explained = await above.explain('executionStats');
    expect(names(explained.queryPlanner.winningPlan)).toEqual(['FETCH', 'IXSCAN']);
    expect(explained.queryPlanner.winningPlan.filter).toBeUndefined();
    expect(explained.executionStats).toMatchObject({ totalKeysExamined: 4, nReturned: 4 });
    const equal = await prices.find({ p: 2.5 }).explain('executionStats');
    expect(equal.executionStats).toMatchObject({ totalKeysExamined: 1, nReturned: 1 });
  });

  it('leaves conditions on strings to the filter under a collation the index lacks', async () => {
    const collated = await products
      .find({ category: 'c1', priceCents: { $gt: 500 } })
      .collation({ locale: 'en', strength: 2 })
      .sort({ priceCents: -1 })
      .explain('queryPlanner');
    const plan = collated.queryPlanner.winningPlan;
    expect(names(plan)).toEqual(['SORT', 'COLLSCAN']);
    expect(plan.inputStage.filter).toEqual({ category: 'c1', priceCents: { $gt: 500 } });
  });

  it('defaults to allPlansExecution and rejects an unknown verbosity', async () => {
    const explained = await products.find({ category: 'c1' }).explain();
    expect(explained.executionStats).toMatchObject({ allPlansExecution: [] });
    expect(explained).toMatchObject({
      explainVersion: '1',
      command: { find: 'products', filter: { category: 'c1' } },
      serverInfo: { version: '7.0.14' },
      ok: 1,
    });
    await expect(
      mongo.db.command({ explain: { find: 'products' }, verbosity: 'everything' }),
    ).rejects.toMatchObject({ code: 2 });
  });

  it("takes the fields 7.0's explain takes and refuses the others", async () => {
    const explained = await mongo.db.command({
      explain: { find: 'products', filter: { _id: 3 }, comment: 'inner', maxTimeMS: 500 },
      verbosity: 'queryPlanner',
      comment: 'outer',
      maxTimeMS: 1000,
      readConcern: { level: 'local' },
    });
    expect(explained.queryPlanner.winningPlan).toEqual({ stage: 'IDHACK' });
    const unknown = (path: string) => ({
      code: 40415,
      message: `BSON field '${path}' is an unknown field.`,
    });
    await expect(
      mongo.db.command({ explain: { find: 'products' }, verbosity: 'queryPlanner', depth: 1 }),
    ).rejects.toMatchObject(unknown('explain.depth'));
    await expect(
      mongo.db.command({ explain: { find: 'products', filters: {} }, verbosity: 'queryPlanner' }),
    ).rejects.toMatchObject(unknown('find.filters'));
    const statement = { q: {}, u: { $set: { priceCents: 1 } } };
    await expect(
      mongo.db.command({ explain: { update: 'products', updates: [{ ...statement, sort: {} }] } }),
    ).rejects.toMatchObject(unknown('update.updates.sort'));
    await expect(
      mongo.db.command({ explain: { update: 'products', updates: [statement, statement] } }),
    ).rejects.toMatchObject({ code: 16, message: 'explained write batches must be of size 1' });
  });

  it('refuses to explain a change stream as not implemented, however it is asked', async () => {
    const refused = { code: 238, codeName: 'NotImplemented' };
    const stream = { aggregate: 'products', pipeline: [{ $changeStream: {} }] };
    await expect(
      mongo.db.command({ explain: { ...stream, cursor: {} }, verbosity: 'queryPlanner' }),
    ).rejects.toMatchObject(refused);
    await expect(mongo.db.command({ ...stream, explain: true })).rejects.toMatchObject(refused);
  });

  it("answers Mongoose's Query#explain", async () => {
    const connection = await mongoose
      .createConnection(mongo.uri, { dbName: 'explain' })
      .asPromise();
    try {
      const Model = connection.model(
        'Product',
        new mongoose.Schema({ _id: Number, category: String, priceCents: Number }),
        'products',
      );
      const explained = await Model.find({ category: 'c1' })
        .sort({ priceCents: -1 })
        .limit(3)
        .explain('executionStats');
      const [result] = (Array.isArray(explained) ? explained : [explained]) as Document[];
      expect(names(result.queryPlanner.winningPlan)).toEqual(['LIMIT', 'FETCH', 'IXSCAN']);
      expect(result.executionStats.nReturned).toBe(3);
    } finally {
      await connection.close();
    }
  });
});
