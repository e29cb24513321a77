import { BSONRegExp } from 'bson';
import { holdsStrings, type Collation } from '../query/collation';
import { isOperatorDocument } from '../query/filter/compile';
import { isPlainObject, type Doc, type Value } from '../query/values';
import { isExactPoint, pointInterval, rangeInterval, unionOf, type Interval } from './intervals';

/** One condition on one path that index bounds can express. */
export interface PathPredicate {
  path: string;
  intervals: Interval[];
  /** Whether the bounds select exactly the documents the condition matches. */
  exact: boolean;
  /** Whether documents lacking the path can match (a sparse index would miss them). */
  matchesMissing: boolean;
  /**
   * Whether the condition compares strings (its intervals are in the query's collation order):
   * only an index with the query's collation can bound it.
   */
  onStrings: boolean;
  /** Index of the conjunct it comes from. */
  conjunct: number;
}

/** One member of the filter's top-level AND. */
export interface Conjunct {
  filter: Doc;
  /** Whether all of it turned into predicates (nothing left over for a fetch filter). */
  complete: boolean;
  predicates: PathPredicate[];
}

export interface FilterAnalysis {
  conjuncts: Conjunct[];
  byPath: Map<string, PathPredicate[]>;
  /** The query's collation, which orders the predicates' string intervals. */
  collation?: Collation;
}

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte']);

/**
 * Splits a filter (stored, typed form) into its conjuncts and the bounds each path allows,
 * strings ordered and equated by the query's `collation`.
 */
export function analyzeFilter(filter: Doc | undefined, collation?: Collation): FilterAnalysis {
  const conjuncts: Conjunct[] = [];
  flatten(filter ?? {}, conjuncts, collation);
  const byPath = new Map<string, PathPredicate[]>();
  for (const conjunct of conjuncts) {
    for (const predicate of conjunct.predicates) {
      const list = byPath.get(predicate.path);
      if (list) list.push(predicate);
      else byPath.set(predicate.path, [predicate]);
    }
  }
  return { conjuncts, byPath, collation };
}

function flatten(filter: Doc, out: Conjunct[], collation: Collation | undefined): void {
  for (const [key, value] of Object.entries(filter)) {
    const joined = key === '$and' || (key === '$or' && Array.isArray(value) && value.length === 1);
    if (joined && Array.isArray(value) && value.length > 0 && value.every(isPlainObject)) {
      for (const member of value) flatten(member, out, collation);
      continue;
    }
    out.push(conjunctOf(key, value, out.length, collation));
  }
}

function conjunctOf(
  path: string,
  condition: Value,
  index: number,
  collation: Collation | undefined,
): Conjunct {
  const filter = { [path]: condition };
  if (path.startsWith('$') || !isIndexablePath(path))
    return { filter, complete: false, predicates: [] };
  if (isOperatorObject(condition)) {
    const predicates: PathPredicate[] = [];
    let complete = true;
    for (const [operator, operand] of Object.entries(condition)) {
      const predicate = operatorPredicate(path, operator, operand, index, collation);
      if (predicate) predicates.push(predicate);
      else complete = false;
    }
    return { filter, complete, predicates };
  }
  const predicate = equalityPredicate(path, [condition], index, collation);
  return { filter, complete: predicate !== undefined, predicates: predicate ? [predicate] : [] };
}

function isIndexablePath(path: string): boolean {
  return path.split('.').every((part) => part.length > 0 && !/^\d+$/.test(part));
}

/** An operator document as the filter compiler reads it (`{$gt: 1}`, not a DBRef). */
function isOperatorObject(value: Value): value is Doc {
  return isOperatorDocument(value);
}

function operatorPredicate(
  path: string,
  operator: string,
  operand: Value,
  conjunct: number,
  collation: Collation | undefined,
): PathPredicate | undefined {
  if (operator === '$eq') return equalityPredicate(path, [operand], conjunct, collation);
  if (operator === '$in')
    return Array.isArray(operand)
      ? equalityPredicate(path, operand, conjunct, collation)
      : undefined;
  if (!RANGE_OPERATORS.has(operator)) return undefined;
  const interval = rangeInterval(operator, operand);
  if (!interval) return undefined;
  return {
    path,
    intervals: [interval],
    exact: true,
    matchesMissing: false,
    onStrings: holdsStrings(operand),
    conjunct,
  };
}

/** Equality with any of `values` (one value for `$eq`, several for `$in`). */
function equalityPredicate(
  path: string,
  values: Value[],
  conjunct: number,
  collation: Collation | undefined,
): PathPredicate | undefined {
  const intervals: Interval[] = [];
  let exact = true;
  let matchesMissing = false;
  for (const value of values) {
    if (Array.isArray(value) || value instanceof RegExp || value instanceof BSONRegExp)
      return undefined;
    if (isPlainObject(value) && Object.keys(value).some((key) => key.startsWith('$')))
      return undefined;
    const key = value === undefined ? null : value;
    if (key === null) matchesMissing = true;
    if (!isExactPoint(key)) exact = false;
    intervals.push(pointInterval(key));
  }
  return {
    path,
    intervals: unionOf(intervals, collation),
    exact,
    matchesMissing,
    onStrings: values.some(holdsStrings),
    conjunct,
  };
}

/** MongoDB's normalised form of a filter for explain: one `$and` of single conditions. */
export function parsedQueryOf(analysis: FilterAnalysis): Doc {
  const parts: Doc[] = [];
  for (const conjunct of analysis.conjuncts) {
    const [[path, condition]] = Object.entries(conjunct.filter);
    if (path.startsWith('$') || !isOperatorObject(condition)) {
      parts.push(path.startsWith('$') ? conjunct.filter : { [path]: { $eq: condition } });
      continue;
    }
    for (const [operator, operand] of Object.entries(condition))
      parts.push({ [path]: { [operator]: operand } });
  }
  if (parts.length === 0) return {};
  if (parts.length === 1) return parts[0];
  const pathOf = (part: Doc) => Object.keys(part)[0];
  return {
    $and: parts.sort((a, b) => (pathOf(a) < pathOf(b) ? -1 : pathOf(a) > pathOf(b) ? 1 : 0)),
  };
}
