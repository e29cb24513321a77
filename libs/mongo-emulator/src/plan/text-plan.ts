import { MongoCommandError } from '../errors';
import type { SortSpec } from '../query/sort';
import type { CollectionAccess, DocEntry, ScanKey } from '../storage/access';
import { AFTER_ALL, BEFORE_ALL, probe, type Index, type KeyBox } from '../storage/index';
import type { TextFilter } from '../text/text-filter';
import {
  matchesTextQuery,
  needsDocumentCheck,
  parseTextOperand,
  parseTextSearch,
} from '../text/text-query';
import { isVisible } from './eligibility';
import type { ExecutionStats } from './executor';
import type { QueryPlan, TextScan } from './plan';
import type { PlanRequest } from './planner';
import { analyzeFilter } from './predicates';
import { residualOf } from './residual';

/** The error MongoDB answers when asked for a text score a query does not compute. */
export function textScoreUnavailable(): MongoCommandError {
  return new MongoCommandError(
    'TextScoreUnavailable',
    'query requires text score metadata, but it is not available',
  );
}

/** The key range of one term: `[term, any score]`. */
function termBox(index: Index, term: string): KeyBox {
  return { start: probe([term, BEFORE_ALL], -Infinity), end: probe([term, AFTER_ALL], Infinity) };
}

/**
 * The plan of a `$text` query: the collection's text index is required (MongoDB's
 * IndexNotFound otherwise); documents come from its keys for the search's terms and the rest
 * of the filter is checked on them, as MongoDB's TEXT stage does. They come in natural order
 * unless sorted (by `{$meta: 'textScore'}` or anything else).
 */
export function planTextQuery(
  access: CollectionAccess,
  request: PlanRequest,
  text: TextFilter,
  sort: SortSpec | undefined,
): QueryPlan {
  const operand = parseTextOperand(text.operand);
  const collection = access.isView ? undefined : access.collection;
  if (!collection)
    throw new MongoCommandError(
      'IndexNotFound',
      `text index required for $text query (no such collection '${access.namespace}')`,
    );
  const index = collection.allIndexes().find((candidate) => candidate.text && isVisible(candidate));
  if (!index) throw new MongoCommandError('IndexNotFound', 'text index required for $text query');
  const query = parseTextSearch(operand, index.text!);
  const scan: TextScan = {
    kind: 'text',
    index,
    query,
    boxes: query.termsForBounds.map((term) => termBox(index, term)),
  };
  const analysis = analyzeFilter(text.rest, request.collation);
  return {
    access: scan,
    filter: request.filter,
    analysis,
    ...residualOf(analysis, new Set()),
    variables: request.variables,
    collation: request.collation,
    sort,
    sortProvided: sort === undefined,
    tiesInOrder: true,
    skip: request.skip ?? 0,
    limit: request.limit ?? 0,
    countable: false,
    delta: access.delta(),
  };
}

/**
 * TEXT_OR then TEXT_MATCH: each term's keys (as this reader sees them) add their scores to
 * their documents; the documents, in natural order, then pass the parts of the search the
 * index cannot settle (negations, phrases, case or diacritic sensitivity).
 */
export function* textMatches(
  access: CollectionAccess,
  scan: TextScan,
  plan: QueryPlan,
  stats: ExecutionStats,
): Generator<DocEntry> {
  const found = new Map<string, { key: ScanKey; score: number }>();
  for (const box of scan.boxes) {
    for (const key of access.indexKeys(scan.index, [box], 1, plan.delta)) {
      stats.keysExamined += 1;
      const score = key.values[1] as number;
      const seen = found.get(key.id);
      if (seen) seen.score += score;
      else found.set(key.id, { key, score });
    }
  }
  const hits = [...found.values()]
    .map(({ key, score }) => ({ ...access.fetch(key), score }))
    .sort((a, b) => a.rid - b.rid);
  const check = needsDocumentCheck(scan.query);
  for (const hit of hits) {
    stats.docsExamined += 1;
    if (check && !matchesTextQuery(hit.doc, scan.query, scan.index.text!)) continue;
    yield hit;
  }
}
