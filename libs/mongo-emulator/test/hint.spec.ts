import type { Collection, Document } from 'mongodb';
import { useEmulatorClient } from './emulator-client';

interface Item {
  _id: number;
  a: number;
  b?: number | null;
  status: string;
}

const MISSING_INDEX = {
  code: 2,
  codeName: 'BadValue',
  message: 'hint provided does not correspond to an existing index',
};

function indexNameOf(plan: Document): string | undefined {
  for (let stage: Document | undefined = plan; stage; stage = stage.inputStage)
    if (stage.indexName) return stage.indexName as string;
  return undefined;
}

describe('hint', () => {
  const mongo = useEmulatorClient('hint');
  let items: Collection<Item>;

  beforeAll(async () => {
    items = mongo.db.collection<Item>('items');
    await items.createIndex({ a: 1 });
    await items.createIndex({ a: 1, b: 1 }, { name: 'a_b' });
    await items.createIndex({ b: 1 }, { sparse: true });
    await items.createIndex({ status: 1 }, { partialFilterExpression: { a: { $gt: 5 } } });
    await items.insertMany(
      Array.from({ length: 20 }, (_, i) => ({
        _id: i,
        a: i,
        status: i % 2 ? 'open' : 'closed',
        ...(i % 3 ? { b: i % 5 } : {}),
      })),
    );
  });

  it('uses the index a hint names, by name or by key pattern', async () => {
    const byName = await items
      .find({ a: { $gt: 3 } })
      .hint('a_b')
      .explain('queryPlanner');
    expect(indexNameOf(byName.queryPlanner.winningPlan)).toBe('a_b');
    const byPattern = await items
      .find({ a: { $gt: 3 } })
      .hint({ a: 1, b: 1 })
      .explain('queryPlanner');
    expect(indexNameOf(byPattern.queryPlanner.winningPlan)).toBe('a_b');
    const natural = await items.find({ a: 3 }).hint({ $natural: -1 }).explain('queryPlanner');
    expect(natural.queryPlanner.winningPlan).toMatchObject({
      stage: 'COLLSCAN',
      direction: 'backward',
    });
    expect(
      await items
        .find({ a: { $gt: 16 } })
        .hint('a_b')
        .toArray(),
    ).toHaveLength(3);
  });

  it('walks a hinted sparse index as it is, leaving out documents without the field', async () => {
    expect(await items.countDocuments({}, { hint: 'b_1' })).toBe(13);
    const unhinted = await items.find({ b: null }).explain('queryPlanner');
    expect(indexNameOf(unhinted.queryPlanner.winningPlan)).toBeUndefined();
  });

  it('uses a partial index only for queries inside its filter', async () => {
    const inside = await items.find({ status: 'open', a: { $gt: 10 } }).explain('queryPlanner');
    expect(indexNameOf(inside.queryPlanner.winningPlan)).toBe('status_1');
    const outside = await items.find({ status: 'open' }).explain('queryPlanner');
    expect(indexNameOf(outside.queryPlanner.winningPlan)).toBeUndefined();
    await expect(items.find({ status: 'open' }).hint('status_1').toArray()).rejects.toMatchObject(
      MISSING_INDEX,
    );
  });

  it('refuses a hint naming no index in every command that takes one', async () => {
    await expect(items.find({}).hint('nope').toArray()).rejects.toMatchObject(MISSING_INDEX);
    await expect(items.find({}).hint({ zz: 1 }).toArray()).rejects.toMatchObject(MISSING_INDEX);
    await expect(items.countDocuments({}, { hint: 'nope' })).rejects.toMatchObject(MISSING_INDEX);
    await expect(
      mongo.db.command({ count: 'items', query: { a: 1 }, hint: 'nope' }),
    ).rejects.toMatchObject(MISSING_INDEX);
    await expect(
      items.aggregate([{ $match: { a: 1 } }], { hint: 'nope' }).toArray(),
    ).rejects.toMatchObject(MISSING_INDEX);
    await expect(
      items.updateOne({ a: 1 }, { $set: { c: 1 } }, { hint: 'nope' }),
    ).rejects.toMatchObject(MISSING_INDEX);
    await expect(items.deleteMany({ a: 1 }, { hint: 'nope' })).rejects.toMatchObject(MISSING_INDEX);
    await expect(
      mongo.db.command({
        findAndModify: 'items',
        query: { a: 1 },
        update: { $set: { c: 1 } },
        hint: 'nope',
      }),
    ).rejects.toMatchObject(MISSING_INDEX);
    expect(await items.countDocuments({ c: 1 } as Document)).toBe(0);
  });

  it('neither chooses nor takes a hidden index, and parses only names and key patterns', async () => {
    await items.createIndex({ status: 1, a: 1 }, { name: 'status_a_hidden', hidden: true });
    const plan = await items.find({ status: 'open', a: 3 }).explain('queryPlanner');
    expect(indexNameOf(plan.queryPlanner.winningPlan)).not.toBe('status_a_hidden');
    expect(JSON.stringify(plan.queryPlanner.rejectedPlans)).not.toContain('status_a_hidden');
    await expect(items.find({}).hint('status_a_hidden').toArray()).rejects.toMatchObject(
      MISSING_INDEX,
    );
    await expect(mongo.db.command({ find: 'items', filter: {}, hint: 5 })).rejects.toMatchObject({
      codeName: 'FailedToParse',
    });
    await expect(mongo.db.command({ find: 'absent', filter: {}, hint: 5 })).rejects.toMatchObject({
      codeName: 'FailedToParse',
    });
    const unhinted = await mongo.db.command({ find: 'items', filter: { a: 4 }, hint: '' });
    expect(unhinted.cursor.firstBatch).toHaveLength(1);
  });

  it('applies writes through the hinted index', async () => {
    const result = await items.updateMany(
      { a: { $lt: 3 } },
      { $set: { status: 'x' } },
      { hint: { a: 1 } },
    );
    expect(result.modifiedCount).toBe(3);
    expect(await items.countDocuments({ status: 'x' }, { hint: 'a_1' })).toBe(3);
  });
});
