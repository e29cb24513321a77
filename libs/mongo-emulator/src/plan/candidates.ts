import { sameCollation, type Collation } from '../query/collation';
import type { SortSpec } from '../query/sort';
import type { CollectionAccess } from '../storage/access';
import type { Index } from '../storage/index';
import { boundsFor, keyBoxes } from './bounds';
import { excludesMissing, hintError, impliesPartialFilter, isVisible } from './eligibility';
import { isFull, isPoint, type Interval } from './intervals';
import type { IndexScan, QueryPlan, Residual } from './plan';
import type { FilterAnalysis } from './predicates';
import { residualOf } from './residual';

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

/** One index that can serve a filter (or its order), with what it leaves to check. */
export interface Candidate {
  scan: IndexScan;
  residual: Residual;
  sortProvided: boolean;
  tiesInOrder: boolean;
  /** Estimated work, weighed only when several plans apply. */
  cost: number;
  boundedFields: number;
  /** Whether the filter bounds the leading field (not only the order makes it useful). */
  narrows: boolean;
}

/** What the candidates are chosen for. */
export interface CandidateRequest {
  sort?: SortSpec;
  collation?: Collation;
  delta: QueryPlan['delta'];
  /** The hinted index: the only candidate, used whatever its bounds. */
  forced?: Index;
}

/**
 * Every ordered, visible index whose leading field the filter bounds or which yields the
 * requested order, with its bounds and what they leave unenforced.
 */
export function indexCandidates(
  access: CollectionAccess,
  analysis: FilterAnalysis,
  request: CandidateRequest,
): Candidate[] {
  const { sort, forced, delta } = request;
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
    const narrows = !isFull(bounds.fields[0]);
    if (!forced && !sort && !narrows) continue;
    const { boxes, pointFields } = keyBoxes(index, bounds.fields);
    const order: SortOrder | undefined = !sort
      ? { direction: 1, tiesInOrder: true }
      : sameCollation(index.collation, request.collation)
        ? sortOrder(index, bounds.fields, sort, multikey, pointFields)
        : undefined;
    if (!forced) {
      if (!narrows && !(sort && order)) continue;
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
      narrows,
    });
  }
  return candidates;
}

/** The keys a candidate's scan walks (in the committed index: an estimate in a transaction). */
export function keysOf(candidate: Candidate): number {
  return candidate.scan.index.countKeys(candidate.scan.boxes);
}

/** Whether documents a candidate yields still need checking (fetch filter or key checks). */
export function isFiltered(candidate: Candidate): boolean {
  return (
    candidate.residual.residual !== undefined ||
    candidate.scan.boxes.some((box) => box.accepts !== undefined)
  );
}

/** What the cost of a plan depends on besides its keys. */
export interface CostRequest {
  skip?: number;
  limit?: number;
  countOnly?: boolean;
}

/**
 * Rough work: keys examined plus documents fetched, plus sorting when the index cannot. A walk
 * in order that stops after skip + limit examines a few keys per wanted document when some
 * fail the filter, more when the filter is known to match at most `matchesAtMost` of `keys`.
 */
export function costOf(
  keys: number,
  filtered: boolean,
  sortProvided: boolean,
  request: CostRequest,
  matchesAtMost = Infinity,
) {
  if (request.countOnly) return filtered ? keys * 2 : Math.log2(keys + 2);
  if (!sortProvided) return keys * 2 + keys * Math.log2(keys + 2) * 0.1;
  if (!request.limit) return keys * 2;
  const wanted = (request.skip ?? 0) + request.limit;
  const sparse = matchesAtMost < keys ? (wanted * keys) / Math.max(matchesAtMost, 1) : 0;
  return Math.min(keys, filtered ? Math.max(wanted * 4, sparse) : wanted) * 2;
}

export function byPreference(a: Candidate, b: Candidate): number {
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
