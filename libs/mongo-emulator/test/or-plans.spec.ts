import type { Collection, Document } from 'mongodb';
import { useEmulatorClient } from './emulator-client';

interface Payment {
  _id: number;
  payerId: string;
  payeeId: string;
  status: string;
  amount: number;
  createdAt: Date;
  note?: string;
  tags?: string[];
}

const SIZE = 200;
const PAYER = 'u0';
const EITHER = { $or: [{ payerId: PAYER }, { payeeId: PAYER }] };

/**
 * The i-th payment: `u0` pays every tenth (0, 10, ...) and is paid by the first twenty, so two
 * documents (0 and 10) match both branches of `EITHER`, which matches 38.
 */
function payment(i: number): Payment {
  return {
    _id: i,
    payerId: `u${i % 10}`,
    payeeId: `u${Math.floor(i / 20)}`,
    status: i === 7 ? 'refunded' : ['paid', 'open'][i % 2],
    amount: (i * 37) % 101,
    createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000),
    ...(i % 5 === 0 ? { note: 'x' } : {}),
    ...(i % 50 === 3 ? { tags: ['a', 'b'] } : i % 50 === 4 ? { tags: ['b'] } : {}),
  };
}

const EXPECTED_EITHER = Array.from({ length: SIZE }, (_, i) => payment(i))
  .filter((doc) => doc.payerId === PAYER || doc.payeeId === PAYER)
  .map((doc) => doc._id);

/** The stages of a plan from the root down, following `inputStage`. */
function names(plan: Document): string[] {
  const stages: string[] = [];
  for (let stage: Document | undefined = plan; stage; stage = stage.inputStage)
    stages.push(stage.stage as string);
  return stages;
}

/** The first stage of that name, searching `inputStage` and `inputStages`. */
function stageNamed(plan: Document, name: string): Document | undefined {
  if (plan.stage === name) return plan;
  const inputs = [plan.inputStage, ...((plan.inputStages as Document[] | undefined) ?? [])];
  for (const input of inputs) {
    const found = input && stageNamed(input as Document, name);
    if (found) return found;
  }
  return undefined;
}

describe('$or over indexes', () => {
  const mongo = useEmulatorClient('or-plans');
  let payments: Collection<Payment>;

  const scanIds = (filter: Document, sort: Document = { _id: 1 }) =>
    payments
      .find(filter, { sort, projection: { _id: 1 } })
      .hint({ $natural: 1 })
      .toArray()
      .then((docs) => docs.map((doc) => doc._id));

  beforeAll(async () => {
    payments = mongo.db.collection<Payment>('payments');
    await payments.createIndex({ payerId: 1, createdAt: 1 });
    await payments.createIndex({ payeeId: 1, createdAt: 1 });
    await payments.createIndex({ status: 1 });
    await payments.createIndex({ tags: 1 });
    await payments.createIndex({ createdAt: 1 });
    await payments.insertMany(Array.from({ length: SIZE }, (_, i) => payment(i)));
  });

  it('plans an $or that is the whole filter as OR over one index scan per branch, under SUBPLAN', async () => {
    const cursor = payments.find(EITHER);
    const explained = await cursor.explain('executionStats');
    const { winningPlan } = explained.queryPlanner;
    expect(names(winningPlan)).toEqual(['SUBPLAN', 'FETCH', 'OR']);
    expect(winningPlan.inputStage.inputStage.inputStages).toMatchObject([
      {
        stage: 'IXSCAN',
        indexName: 'payerId_1_createdAt_1',
        indexBounds: { payerId: ['["u0", "u0"]'], createdAt: ['[MinKey, MaxKey]'] },
      },
      {
        stage: 'IXSCAN',
        indexName: 'payeeId_1_createdAt_1',
        indexBounds: { payeeId: ['["u0", "u0"]'], createdAt: ['[MinKey, MaxKey]'] },
      },
    ]);
    expect(explained.queryPlanner.rejectedPlans).toEqual([]);
    const { executionStats } = explained;
    expect(executionStats).toMatchObject({
      nReturned: 38,
      totalKeysExamined: 40,
      totalDocsExamined: 38,
    });
    expect(stageNamed(executionStats.executionStages, 'OR')).toMatchObject({
      nReturned: 38,
      dupsTested: 40,
      dupsDropped: 2,
    });
    const found = (await payments.find(EITHER).toArray()).map((doc) => doc._id);
    expect(found.sort((a, b) => a - b)).toEqual(EXPECTED_EITHER);
  });

  it('drops a document that two branches yield, also from one multikey scan', async () => {
    const filter = { $or: [{ tags: { $gte: 'a' } }, { payerId: 'u3' }] };
    const found = (await payments.find(filter).toArray()).map((doc) => doc._id);
    expect(found.sort((a, b) => a - b)).toEqual(await scanIds(filter));
    expect(found).toHaveLength(new Set(found).size);
    const explained = await payments.find(filter).explain('queryPlanner');
    expect(names(explained.queryPlanner.winningPlan)).toEqual(['SUBPLAN', 'FETCH', 'OR']);
    const stats = await payments.find(filter).explain('executionStats');
    const union = stageNamed(stats.executionStats.executionStages, 'OR')!;
    expect(union.inputStages[0]).toMatchObject({ isMultiKey: true, dupsDropped: 4 });
    expect(union.dupsDropped).toBe(4);
  });

  it('merges the branches in sort order (SORT_MERGE) when each index yields it, stopping early', async () => {
    const sort = { createdAt: -1 } as const;
    const cursor = payments.find(EITHER).sort(sort).limit(5);
    const explained = await cursor.explain('executionStats');
    const { winningPlan } = explained.queryPlanner;
    expect(names(winningPlan)).toEqual(['SUBPLAN', 'LIMIT', 'FETCH', 'SORT_MERGE']);
    const merge = stageNamed(winningPlan, 'SORT_MERGE')!;
    expect(merge.sortPattern).toEqual({ createdAt: -1 });
    expect(merge.inputStages).toMatchObject([
      { stage: 'IXSCAN', indexName: 'payerId_1_createdAt_1', direction: 'backward' },
      { stage: 'IXSCAN', indexName: 'payeeId_1_createdAt_1', direction: 'backward' },
    ]);
    expect(explained.executionStats.totalKeysExamined).toBeLessThan(20);
    const found = (await payments.find(EITHER).sort(sort).limit(5).toArray()).map((d) => d._id);
    expect(found).toEqual((await scanIds(EITHER, sort)).slice(0, 5));
  });

  it('sorts above the union when a branch index does not yield the order', async () => {
    const sort = { amount: 1, _id: 1 } as const;
    const explained = await payments.find(EITHER).sort(sort).explain('queryPlanner');
    expect(names(explained.queryPlanner.winningPlan)).toEqual(['SUBPLAN', 'SORT', 'FETCH', 'OR']);
    const found = (await payments.find(EITHER).sort(sort).skip(3).limit(10).toArray()).map(
      (doc) => doc._id,
    );
    expect(found).toEqual((await scanIds(EITHER, sort)).slice(3, 13));
  });

  it('keeps a branch condition no index serves in a FETCH under the union', async () => {
    const filter = { $or: [{ payerId: PAYER, note: 'x' }, { payeeId: 'u1' }] };
    const explained = await payments.find(filter).explain('queryPlanner');
    const union = stageNamed(explained.queryPlanner.winningPlan, 'OR')!;
    expect(union.inputStages).toMatchObject([
      { stage: 'FETCH', filter: { note: 'x' }, inputStage: { stage: 'IXSCAN' } },
      { stage: 'IXSCAN', indexName: 'payeeId_1_createdAt_1' },
    ]);
    const found = (await payments.find(filter).toArray()).map((doc) => doc._id);
    expect(found.sort((a, b) => a - b)).toEqual(await scanIds(filter));
  });

  it('scans the collection when one branch has no index', async () => {
    const filter = { $or: [{ payerId: PAYER }, { note: 'x' }] };
    const explained = await payments.find(filter).explain('queryPlanner');
    expect(names(explained.queryPlanner.winningPlan)).toEqual(['SUBPLAN', 'COLLSCAN']);
    const found = (await payments.find(filter).toArray()).map((doc) => doc._id);
    expect(found).toEqual(await scanIds(filter));
  });

  it('checks the conditions beside the $or above the union, or takes one index that reads less', async () => {
    const beside = { $and: [EITHER, { note: 'x' }] };
    const explained = await payments.find(beside).explain('queryPlanner');
    const { winningPlan } = explained.queryPlanner;
    expect(names(winningPlan)).toEqual(['FETCH', 'OR']);
    expect(winningPlan.filter).toEqual({ note: 'x' });
    const found = (await payments.find(beside).toArray()).map((doc) => doc._id);
    expect(found.sort((a, b) => a - b)).toEqual(await scanIds(beside));

    const rare = { $and: [EITHER, { status: 'refunded' }] };
    const narrow = await payments.find(rare).explain('queryPlanner');
    expect(names(narrow.queryPlanner.winningPlan)).toEqual(['FETCH', 'IXSCAN']);
    expect(narrow.queryPlanner.winningPlan.inputStage.indexName).toBe('status_1');
    expect(narrow.queryPlanner.rejectedPlans.map(names)).toContainEqual(['FETCH', 'OR']);
    expect(await payments.countDocuments(rare)).toBe(1);
  });

  it('merges the union rather than walk a whole order index for the few documents the $or allows', async () => {
    const beside = { $and: [EITHER, { note: 'x' }] };
    const sort = { createdAt: -1 } as const;
    const explained = await payments.find(beside).sort(sort).limit(3).explain('queryPlanner');
    const { winningPlan, rejectedPlans } = explained.queryPlanner;
    expect(names(winningPlan)).toEqual(['LIMIT', 'FETCH', 'SORT_MERGE']);
    expect(rejectedPlans.map(names)).toContainEqual(['LIMIT', 'FETCH', 'IXSCAN']);
    const found = (await payments.find(beside).sort(sort).limit(3).toArray()).map((d) => d._id);
    expect(found).toEqual((await scanIds(beside, sort)).slice(0, 3));
  });

  it('counts the union from its keys when the branches cover the filter, else over a FETCH', async () => {
    const explainCount = (query: Document) =>
      mongo.db.command({
        explain: { count: 'payments', query },
        verbosity: 'executionStats',
      });
    const covered = await explainCount(EITHER);
    expect(names(covered.queryPlanner.winningPlan)).toEqual(['COUNT', 'SUBPLAN', 'OR']);
    expect(covered.executionStats).toMatchObject({ totalKeysExamined: 40, totalDocsExamined: 0 });
    expect(covered.executionStats.executionStages.nCounted).toBe(38);
    const filtered = await explainCount({ $and: [EITHER, { note: 'x' }] });
    expect(names(filtered.queryPlanner.winningPlan)).toEqual(['COUNT', 'FETCH', 'OR']);
    expect(await payments.countDocuments(EITHER)).toBe(38);
    expect(await payments.countDocuments(EITHER, { skip: 30, limit: 5 })).toBe(5);
    expect(await payments.countDocuments({ $and: [EITHER, { note: 'x' }] })).toBe(
      (await scanIds({ $and: [EITHER, { note: 'x' }] })).length,
    );
  });

  it('serves an aggregation’s leading $match, $sort and $limit from the union', async () => {
    const sort = { createdAt: 1 } as const;
    const pipeline = [{ $match: EITHER }, { $sort: sort }, { $limit: 7 }];
    const explained = await payments.aggregate(pipeline).explain('queryPlanner');
    expect(stageNamed(explained.queryPlanner.winningPlan, 'SORT_MERGE')).toBeDefined();
    const found = (await payments.aggregate<Payment>(pipeline).toArray()).map((doc) => doc._id);
    expect(found).toEqual((await scanIds(EITHER, sort)).slice(0, 7));
  });

  it('a hint takes its index for the whole $or, and an $or of one branch is that branch', async () => {
    const hinted = await payments.find(EITHER).hint('status_1').explain('queryPlanner');
    expect(names(hinted.queryPlanner.winningPlan)).toEqual(['FETCH', 'IXSCAN']);
    const single = await payments.find({ $or: [{ payerId: PAYER }] }).explain('queryPlanner');
    expect(names(single.queryPlanner.winningPlan)).toEqual(['FETCH', 'IXSCAN']);
    expect(single.queryPlanner.winningPlan.inputStage.indexName).toBe('payerId_1_createdAt_1');
  });

  it('selects the targets of updates, findAndModify and deletes through the union', async () => {
    const copies = mongo.db.collection<Payment>('payment-writes');
    await copies.createIndex({ payerId: 1, createdAt: 1 });
    await copies.createIndex({ payeeId: 1, createdAt: 1 });
    await copies.insertMany(Array.from({ length: SIZE }, (_, i) => payment(i)));
    const updated = await copies.updateMany(EITHER, { $set: { note: 'seen' } });
    expect(updated.modifiedCount).toBe(38);
    const latest = await copies.findOneAndUpdate(
      EITHER,
      { $set: { status: 'latest' } },
      { sort: { createdAt: -1 }, returnDocument: 'after' },
    );
    expect(latest?._id).toBe(EXPECTED_EITHER[EXPECTED_EITHER.length - 1]);
    const deleted = await copies.deleteMany({ $and: [EITHER, { status: 'paid' }] });
    expect(deleted.deletedCount).toBe(
      Array.from({ length: SIZE }, (_, i) => payment(i)).filter(
        (doc) =>
          (doc.payerId === PAYER || doc.payeeId === PAYER) &&
          doc.status === 'paid' &&
          doc._id !== latest?._id,
      ).length,
    );
    expect(await copies.countDocuments(EITHER)).toBe(38 - deleted.deletedCount);
  });
});
