import { BSONRegExp } from 'bson';
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
}

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte']);

/**
 * Splits a filter (stored, typed form) into its conjuncts and the bounds each path allows.
 * Under a collation (`collated`), strings compare by it rather than by code points, so
 * conditions on strings (or documents holding them) are left to the matcher.
 */
export function analyzeFilter(filter: Doc | undefined, collated = false): FilterAnalysis {
  const conjuncts: Conjunct[] = [];
  flatten(filter ?? {}, conjuncts, collated);
  const byPath = new Map<string, PathPredicate[]>();
  for (const conjunct of conjuncts) {
    for (const predicate of conjunct.predicates) {
      const list = byPath.get(predicate.path);
      if (list) list.push(predicate);
      else byPath.set(predicate.path, [predicate]);
    }
  }
  return { conjuncts, byPath };
}

function flatten(filter: Doc, out: Conjunct[], collated: boolean): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value) && value.length > 0 && value.every(isPlainObject)) {
      for (const member of value) flatten(member, out, collated);
      continue;
    }
    out.push(conjunctOf(key, value, out.length, collated));
  }
}

function conjunctOf(path: string, condition: Value, index: number, collated: boolean): Conjunct {
  const filter = { [path]: condition };
  if (path.startsWith('$') || !isIndexablePath(path) || (collated && holdsString(condition)))
    return { filter, complete: false, predicates: [] };
  if (isOperatorObject(condition)) {
    const predicates: PathPredicate[] = [];
    let complete = true;
    for (const [operator, operand] of Object.entries(condition)) {
      const predicate = operatorPredicate(path, operator, operand, index);
      if (predicate) predicates.push(predicate);
      else complete = false;
    }
    return { filter, complete, predicates };
  }
  const predicate = equalityPredicate(path, [condition], index);
  return { filter, complete: predicate !== undefined, predicates: predicate ? [predicate] : [] };
}

function holdsString(value: Value): boolean {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.some(holdsString);
  return isPlainObject(value) && Object.values(value).some(holdsString);
}

function isIndexablePath(path: string): boolean {
  return path.split('.').every((part) => part.length > 0 && !/^\d+$/.test(part));
}

function isOperatorObject(value: Value): value is Doc {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}

function operatorPredicate(
  path: string,
  operator: string,
  operand: Value,
  conjunct: number,
): PathPredicate | undefined {
  if (operator === '$eq') return equalityPredicate(path, [operand], conjunct);
  if (operator === '$in')
    return Array.isArray(operand) ? equalityPredicate(path, operand, conjunct) : undefined;
  if (!RANGE_OPERATORS.has(operator)) return undefined;
  const interval = rangeInterval(operator, operand);
  if (!interval) return undefined;
  return { path, intervals: [interval], exact: true, matchesMissing: false, conjunct };
}

/** Equality with any of `values` (one value for `$eq`, several for `$in`). */
function equalityPredicate(
  path: string,
  values: Value[],
  conjunct: number,
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
  return { path, intervals: unionOf(intervals), exact, matchesMissing, conjunct };
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
