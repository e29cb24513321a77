import { BSONRegExp } from 'bson';
import { holdsStrings, sameCollation, type Collation } from '../query/collation';
import { canonicalKey, isPlainObject, type Doc } from '../query/values';
import { sortsByTextScore, type SortSpec } from '../query/sort';
import type { CollectionAccess } from '../storage/access';
import type { Index } from '../storage/index';
import { boundsFor, keyBoxes } from './bounds';
import {
  checkHint,
  excludesMissing,
  hintError,
  impliesPartialFilter,
  isVisible,
  resolveHint,
  type HintChoice,
} from './eligibility';
import { isExactPoint, isFull, isPoint, type Interval } from './intervals';
import type { IndexScan, QueryPlan } from './plan';
import { analyzeFilter, type FilterAnalysis } from './predicates';
import { planTextQuery, textScoreUnavailable } from './text-plan';
import { splitTextFilter } from '../text/text-filter';

export interface PlanRequest {
  /** The filter in stored (typed) form. */
  filter?: Doc;
  sort?: SortSpec;
  skip?: number;
  /** 0 or absent: no limit. */
  limit?: number;
  hint?: unknown;
  variables?: Doc;
  /** The query's collation (undefined: simple); only indexes with it serve strings and sorts. */
  collation?: Collation;
  /** Only the number of matches is wanted (no documents, no order). */
  countOnly?: boolean;
}

/** How an index walk yields the requested order. */
interface SortOrder {
  direction: 1 | -1;
  mergePrefix?: number;
  /**
   * Whether documents whose sort keys tie already come in natural order: the sort spans the
   * rest of the key, so ties are equal keys, ordered by record id on a forward walk (or
   * impossible in a unique index).
   */
  tiesInOrder: boolean;
}

interface Candidate {
  scan: IndexScan;
  residual: Residual;
  sortProvided: boolean;
  tiesInOrder: boolean;
  /** Estimated work, weighed only when several indexes apply. */
  cost: number;
  boundedFields: number;
}

/**
 * Chooses how to run a query, the way MongoDB's planner does in spirit: an exact `_id`
 * equality is a direct lookup; otherwise every index whose leading field is bounded by the
 * filter (or which yields the requested order) is a candidate, and the one expected to examine
 * the fewest keys and documents wins (key counts within bounds are exact and cheap to read);
 * a collection scan runs only when no index applies. A hint forces its index.
 */
export function planQuery(access: CollectionAccess, request: PlanRequest): QueryPlan {
  const sort = request.sort?.length ? request.sort : undefined;
  const plan = (
    fields: Pick<QueryPlan, 'access' | 'sortProvided'> &
      Partial<Pick<QueryPlan, 'analysis' | 'countable' | 'delta' | 'tiesInOrder'>> & {
        left?: Residual;
      },
  ) => {
    const built: QueryPlan = {
      access: fields.access,
      filter: request.filter,
      analysis: fields.analysis,
      residual: fields.left?.residual,
      keyChecks: fields.left?.keyChecks,
      matcherFilter: fields.left?.matcherFilter,
      variables: request.variables,
      collation: request.collation,
      sort,
      sortProvided: fields.sortProvided,
      tiesInOrder: fields.tiesInOrder ?? false,
      skip: request.skip ?? 0,
      limit: request.limit ?? 0,
      countable: fields.countable ?? false,
      delta: fields.delta,
    };
    return built;
  };
  const text = splitTextFilter(request.filter);
  if (text) return planTextQuery(access, request, text, sort);
  if (sortsByTextScore(sort)) throw textScoreUnavailable();
  const collection = access.collection;
  const simpleId =
    request.hint === undefined && !request.skip
      ? simpleIdOf(request.filter, request.collation)
      : undefined;
  if (collection && !access.isView && simpleId !== undefined)
    return plan({ access: { kind: 'idhack', id: simpleId }, sortProvided: true });
  const analysis = analyzeFilter(request.filter, request.collation);
  const scanAll = (direction: 1 | -1) => {
    const left = residualOf(analysis, new Set());
    return plan({
      access: { kind: 'collscan', direction },
      analysis,
      left,
      sortProvided: false,
      countable: left.residual === undefined,
      delta: access.delta(),
    });
  };
  checkHint(request.hint);
  if (!collection || access.isView) return scanAll(1);
  const hint = resolveHint(collection, request.hint);
  if (hint && 'natural' in hint) return scanAll(hint.natural);
  const delta = access.delta();
  const candidates = candidatesFor(access, analysis, request, sort, delta, hint);
  const [best, ...others] = candidates.sort(byPreference);
  if (!best) return scanAll(1);
  const planOf = (candidate: Candidate) =>
    plan({
      access: candidate.scan,
      analysis,
      left: candidate.residual,
      sortProvided: candidate.sortProvided,
      tiesInOrder: candidate.tiesInOrder,
      countable:
        !candidate.residual.residual &&
        !candidate.scan.multikey &&
        candidate.scan.boxes.every((box) => !box.accepts),
      delta,
    });
  const chosen = planOf(best);
  if (others.length > 0) chosen.rejected = others.map(planOf);
  return chosen;
}

/**
 * The `_id` of a filter that is exactly one `_id` equality on a plain value (IDHACK), looked up
 * by exact value: not for strings under a collation (the ordered `_id` index serves those).
 */
function simpleIdOf(filter: Doc | undefined, collation: Collation | undefined): unknown {
  if (!filter) return undefined;
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id') return undefined;
  let value = filter._id;
  if (isPlainObject(value)) {
    const operators = Object.keys(value);
    if (operators.length !== 1 || operators[0] !== '$eq') return undefined;
    value = value.$eq;
  }
  if (value instanceof RegExp || value instanceof BSONRegExp) return undefined;
  if (collation && holdsStrings(value)) return undefined;
  return isExactPoint(value) ? value : undefined;
}

function candidatesFor(
  access: CollectionAccess,
  analysis: FilterAnalysis,
  request: PlanRequest,
  sort: SortSpec | undefined,
  delta: QueryPlan['delta'],
  hint: HintChoice | undefined,
): Candidate[] {
  const forced = hint && 'index' in hint ? hint.index : undefined;
  const indexes = forced ? [forced] : access.collection!.allIndexes().filter(isVisible);
  const candidates: Candidate[] = [];
  for (const index of indexes) {
    if (!index.ordered) {
      if (forced) throw hintError();
      continue;
    }
    if (!impliesPartialFilter(index, analysis)) {
      if (forced) throw hintError();
      continue;
    }
    const multikey = access.multikeyFields(index, delta);
    const bounds = boundsFor(index, analysis, multikey);
    if (!forced && !sort && isFull(bounds.fields[0])) continue;
    const { boxes, pointFields } = keyBoxes(index, bounds.fields);
    const order: SortOrder | undefined = !sort
      ? { direction: 1, tiesInOrder: true }
      : sameCollation(index.collation, request.collation)
        ? sortOrder(index, bounds.fields, sort, multikey, pointFields)
        : undefined;
    if (!forced) {
      if (isFull(bounds.fields[0]) && !(sort && order)) continue;
      if (index.sparse && !excludesMissing(bounds.fields)) continue;
    }
    const scan: IndexScan = {
      kind: 'ixscan',
      index,
      bounds: bounds.fields,
      boxes,
      direction: order?.direction ?? 1,
      multikey: multikey.some(Boolean),
      mergePrefix: order?.mergePrefix,
    };
    candidates.push({
      scan,
      residual: residualOf(analysis, bounds.covered),
      sortProvided: sort === undefined || order !== undefined,
      tiesInOrder: order?.tiesInOrder ?? false,
      cost: 0,
      boundedFields: bounds.fields.filter((intervals) => !isFull(intervals)).length,
    });
  }
  if (candidates.length > 1) {
    for (const candidate of candidates) {
      const keys = candidate.scan.index.countKeys(candidate.scan.boxes);
      const filtered =
        candidate.residual.residual !== undefined ||
        candidate.scan.boxes.some((box) => box.accepts !== undefined);
      candidate.cost = costOf(keys, filtered, candidate.sortProvided, request);
    }
  }
  return candidates;
}

/** Rough work: keys examined plus documents fetched, plus sorting when the index cannot. */
function costOf(keys: number, filtered: boolean, sortProvided: boolean, request: PlanRequest) {
  if (request.countOnly) return filtered ? keys * 2 : Math.log2(keys + 2);
  if (!sortProvided) return keys * 2 + keys * Math.log2(keys + 2) * 0.1;
  const wanted = request.limit ? (request.skip ?? 0) + request.limit : Infinity;
  return Math.min(keys, filtered ? wanted * 4 : wanted) * 2;
}

function byPreference(a: Candidate, b: Candidate): number {
  return (
    a.cost - b.cost ||
    Number(a.residual.residual !== undefined) - Number(b.residual.residual !== undefined) ||
    Number(b.sortProvided) - Number(a.sortProvided) ||
    b.boundedFields - a.boundedFields ||
    a.scan.index.fields.length - b.scan.index.fields.length
  );
}

/**
 * Whether walking the index yields the requested order, and in which direction. Sort fields
 * bound to one value drop out; the rest must follow a run of point-bounded leading fields
 * (several points there need their ranges merged). A multikey sort field must be unbounded,
 * or its in-range keys would not be the sort keys.
 */
function sortOrder(
  index: Index,
  bounds: Interval[][],
  sort: SortSpec,
  multikey: boolean[],
  pointFields: number,
): SortOrder | undefined {
  const fields = index.fields.length;
  const onePoint = (field: number) =>
    field >= 0 &&
    !multikey[field] &&
    bounds[field].length === 1 &&
    isPoint(bounds[field][0], index.collation);
  const remaining = sort.filter(([path]) => !onePoint(index.fields.indexOf(path)));
  if (remaining.length === 0)
    return { direction: 1, tiesInOrder: bounds.every((_, field) => onePoint(field)) };
  const first = index.fields.indexOf(remaining[0][0]);
  if (first < 0 || first > pointFields) return undefined;
  if (
    bounds
      .slice(0, first)
      .some((intervals) => !intervals.every((interval) => isPoint(interval, index.collation)))
  )
    return undefined;
  const direction = (remaining[0][1] * index.directions[first]) as 1 | -1;
  const follows = remaining.every(([path, sortDirection], t) => {
    const field = first + t;
    return (
      index.fields[field] === path &&
      sortDirection * index.directions[field] === direction &&
      (!multikey[field] || isFull(bounds[field]))
    );
  });
  if (!follows) return undefined;
  const merged = bounds.slice(0, first).some((intervals) => intervals.length > 1);
  const coversKey = first + remaining.length === fields;
  return {
    direction,
    mergePrefix: merged ? first : undefined,
    tiesInOrder: coversKey && (direction === 1 || (index.unique && !merged)),
  };
}

/** What the bounds leave unenforced, as a filter and split for evaluation. */
type Residual = Pick<QueryPlan, 'residual' | 'keyChecks' | 'matcherFilter'>;

export function residualOf(analysis: FilterAnalysis, covered: Set<number>): Residual {
  const left = analysis.conjuncts.filter((_, i) => !covered.has(i));
  if (left.length === 0) return {};
  const checked = left.filter((c) => c.complete && c.predicates.every((p) => p.exact));
  const matched = left.filter((c) => !checked.includes(c));
  return {
    residual: filterOf(left.map((c) => c.filter)),
    keyChecks: checked.length > 0 ? checked.flatMap((c) => c.predicates) : undefined,
    matcherFilter: filterOf(matched.map((c) => c.filter)),
  };
}

/** Conjuncts as one filter: merged when their paths differ, else under `$and`. */
function filterOf(conjuncts: Doc[]): Doc | undefined {
  if (conjuncts.length === 0) return undefined;
  if (conjuncts.length === 1) return conjuncts[0];
  const paths = conjuncts.map((filter) => Object.keys(filter)[0]);
  if (new Set(paths).size === paths.length && !paths.includes('$and'))
    return Object.assign({}, ...conjuncts) as Doc;
  return { $and: conjuncts };
}

/** A stable text of a plan's shape, for explain's `queryHash`. */
export function shapeOf(plan: QueryPlan): string {
  const shape = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(shape)
      : value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype
        ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]))
        : typeof value;
  return canonicalKey({ filter: shape(plan.filter ?? {}), sort: plan.sort ?? [] });
}
