import { BSONRegExp } from 'bson';
import { holdsStrings, type Collation } from '../query/collation';
import { canonicalKey, isPlainObject, type Doc } from '../query/values';
import { sortsByTextScore, type SortSpec } from '../query/sort';
import type { CollectionAccess } from '../storage/access';
import {
  byPreference,
  costOf,
  indexCandidates,
  isFiltered,
  keysOf,
  type Candidate,
} from './candidates';
import { checkHint, resolveHint } from './eligibility';
import { isExactPoint } from './intervals';
import { orConjunctOf, orOptions, type OrOption } from './or-plan';
import type { QueryPlan, Residual } from './plan';
import { analyzeFilter } from './predicates';
import { residualOf } from './residual';
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

/**
 * Chooses how to run a query, the way MongoDB's planner does in spirit: an exact `_id`
 * equality is a direct lookup; otherwise every index whose leading field is bounded by the
 * filter (or which yields the requested order) is a candidate, and so is a union of index
 * scans over the branches of a top-level `$or`; the plan expected to examine the fewest keys
 * and documents wins (key counts within bounds are exact and cheap to read); a collection scan
 * runs only when no index applies. A filter that is one `$or` is planned branch by branch
 * (MongoDB's SUBPLAN): a union whenever every branch can use an index. A hint forces its index.
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
  const forced = hint?.index;
  const { collation } = request;
  const candidates = indexCandidates(access, analysis, { sort, collation, delta, forced });
  const ors = forced ? [] : orOptions(access, analysis, { ...request, sort }, delta);
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
  const orPlanOf = (option: OrOption) =>
    plan({
      access: option.access,
      analysis,
      left: option.left,
      sortProvided: option.sortProvided,
      countable: option.countable,
      delta,
    });
  const subplanned = !hint && analysis.conjuncts.length === 1 && orConjunctOf(analysis) === 0;
  const ranked = subplanned && ors.length > 0 ? [ors[0]] : rank(candidates, ors, request);
  const [best, ...others] = ranked.map((choice) =>
    'scan' in choice ? planOf(choice) : orPlanOf(choice),
  );
  const chosen = best ?? scanAll(1);
  if (others.length > 0) chosen.rejected = others;
  if (subplanned) chosen.subplanned = true;
  return chosen;
}

/**
 * Index candidates and `$or` unions in order of preference: by estimated cost (weighed when
 * there is a choice), an index before a union of equal cost. A single index leaves the `$or`
 * to its filter, so it matches no more documents than a union's branches hold keys.
 */
function rank(candidates: Candidate[], ors: OrOption[], request: PlanRequest) {
  const unionKeys = Math.min(...ors.map((option) => option.keys));
  if (candidates.length + ors.length > 1)
    for (const candidate of candidates)
      candidate.cost = costOf(
        keysOf(candidate),
        isFiltered(candidate),
        candidate.sortProvided,
        request,
        unionKeys,
      );
  return [...candidates.sort(byPreference), ...ors].sort((a, b) => a.cost - b.cost);
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
