import { AsyncLocalStorage } from 'node:async_hooks';
import { Document } from 'mongodb';
import { Connection } from 'mongoose';

/** A driver call as Mongoose made it: the collection, the method and its arguments. */
interface OperationStart {
  collectionName: string;
  method: string;
  params: unknown[];
}

/** The two reads of one list page (`findPage`): the page itself and the total count. */
export interface ListReads {
  find: { filter: Document; options: Document };
  count: { filter: Document; options: Document };
}

/**
 * Records the reads that the real code sends while it serves one list, from Mongoose's
 * `operation-start` event of the connection. Only calls made inside `record` are kept (they
 * share its async context), so scheduled jobs that query meanwhile are never mistaken for them.
 */
export class ListReadRecorder {
  private readonly calls = new AsyncLocalStorage<OperationStart[]>();

  constructor(connection: Connection) {
    connection.on('operation-start', (operation: OperationStart) => {
      this.calls.getStore()?.push(operation);
    });
  }

  async record(collection: string, serve: () => Promise<unknown>): Promise<ListReads> {
    const calls: OperationStart[] = [];
    await this.calls.run(calls, serve);
    const on = calls.filter((call) => call.collectionName === collection);
    const [find] = on.filter((call) => call.method === 'find');
    const [count] = on.filter((call) => call.method === 'countDocuments');
    if (!find || !count) {
      const seen = calls.map((call) => `${call.collectionName}.${call.method}`).join(', ');
      throw new Error(`The list sent no find and countDocuments to ${collection} (sent: ${seen})`);
    }
    return { find: readOf(find), count: readOf(count) };
  }
}

function readOf(call: OperationStart): { filter: Document; options: Document } {
  const [filter = {}, options = {}] = call.params as [Document?, Document?];
  const { session: _session, ...rest } = options;
  return { filter, options: rest };
}

/** What the server plans for the page and the count, as `explain` reports it. */
export interface ListPlans {
  find: Document;
  count: Document;
}

/**
 * Explains the recorded reads on the same collection: the find as the driver sends it, and the
 * count as the aggregation the driver's `countDocuments` sends (`$match`, then `$group`).
 */
export async function explainListReads(
  connection: Connection,
  collection: string,
  reads: ListReads,
): Promise<ListPlans> {
  const native = connection.db!.collection(collection);
  const { skip, limit, ...countOptions } = reads.count.options;
  const pipeline: Document[] = [{ $match: reads.count.filter }];
  if (typeof skip === 'number') pipeline.push({ $skip: skip });
  if (typeof limit === 'number') pipeline.push({ $limit: limit });
  pipeline.push({ $group: { _id: 1, n: { $sum: 1 } } });
  const [find, count] = await Promise.all([
    native.find(reads.find.filter, reads.find.options).explain('executionStats'),
    native.aggregate(pipeline, countOptions).explain('executionStats'),
  ]);
  return { find, count };
}

/**
 * The stages of the plans the server chose, however the explain nests them: the classic
 * engine's `winningPlan` tree, the slot-based engine's `winningPlan.queryPlan`, an aggregation's
 * `$cursor` stage. Rejected plans are left out.
 */
export function winningStages(explain: unknown): Document[] {
  const stages: Document[] = [];
  const walkPlan = (node: unknown): void => {
    if (!isDocument(node)) return;
    if (typeof node.stage === 'string') stages.push(node);
    walkPlan(node.queryPlan);
    walkPlan(node.inputStage);
    if (Array.isArray(node.inputStages)) node.inputStages.forEach(walkPlan);
  };
  const findPlans = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(findPlans);
    if (!isDocument(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'winningPlan') walkPlan(value);
      else if (key !== 'rejectedPlans' && key !== 'executionStats') findPlans(value);
    }
  };
  findPlans(explain);
  return stages;
}

/** An index scan of either kind MongoDB reports (a count may scan keys only). */
export function isIndexScan(stage: Document): boolean {
  return stage.stage === 'IXSCAN' || stage.stage === 'COUNT_SCAN';
}

const FULL_RANGES = new Set(['[MinKey, MaxKey]', '[MaxKey, MinKey]']);

/**
 * The index paths that a scan narrows: an IXSCAN's `indexBounds` per field (strings such as
 * `[1000, inf.0]`), or a COUNT_SCAN's `startKey`/`endKey` pair.
 */
export function boundedPaths(stage: Document): string[] {
  const bounds = stage.indexBounds;
  if (!isDocument(bounds)) return [];
  if (isDocument(bounds.startKey) && isDocument(bounds.endKey)) {
    const { startKey, endKey } = bounds;
    return Object.keys(startKey).filter(
      (path) => !isExtreme(startKey[path]) || !isExtreme(endKey[path]),
    );
  }
  return Object.entries(bounds)
    .filter(([, ranges]) => Array.isArray(ranges) && !ranges.every((r) => FULL_RANGES.has(r)))
    .map(([path]) => path);
}

function isExtreme(value: unknown): boolean {
  const type = (value as { _bsontype?: string } | null)?._bsontype;
  return type === 'MinKey' || type === 'MaxKey';
}

/** The chosen plan in one line, outermost stage first: `LIMIT > FETCH > IXSCAN a_1__id_1 [a]`. */
export function describePlan(explain: unknown): string {
  return winningStages(explain)
    .map((stage) =>
      isIndexScan(stage)
        ? `${stage.stage} ${stage.indexName} [${boundedPaths(stage).join(', ')}]`
        : String(stage.stage),
    )
    .join(' > ');
}

function isDocument(value: unknown): value is Document {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
