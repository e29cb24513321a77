import { MongoCommandError } from '../errors';
import { isPlainObject, numberOf, sameCanonical, type Doc } from '../query/values';
import type { Collection } from '../storage/collection';
import type { Index } from '../storage/index';
import { intersectionOf, intervalsContain, unionOf, type Interval } from './intervals';
import { analyzeFilter, type FilterAnalysis, type PathPredicate } from './predicates';

export type HintChoice = { natural: 1 | -1 } | { index: Index };

export function hintError(): MongoCommandError {
  return new MongoCommandError(
    'BadValue',
    'hint provided does not correspond to an existing index',
  );
}

/** The index (or natural order) a `hint` names: an index name, a key pattern, `{$natural}`. */
export function resolveHint(collection: Collection, hint: unknown): HintChoice | undefined {
  if (hint === undefined || hint === null) return undefined;
  if (isPlainObject(hint)) {
    if (Object.keys(hint).length === 0) return undefined;
    if ('$natural' in hint) return { natural: numberOf(hint.$natural) < 0 ? -1 : 1 };
    const index = collection
      .allIndexes()
      .find((candidate) => sameCanonical(candidate.spec.key, hint));
    if (index) return { index };
    throw hintError();
  }
  if (typeof hint === 'string') {
    const index = collection.allIndexes().find((candidate) => candidate.name === hint);
    if (index) return { index };
  }
  throw hintError();
}

const partialAnalyses = new WeakMap<Index, FilterAnalysis>();

/**
 * Whether every document the query matches is in the partial index: each condition of the
 * index's filter must follow from a condition of the query.
 */
export function impliesPartialFilter(index: Index, query: FilterAnalysis): boolean {
  const expression = index.spec.partialFilterExpression;
  if (!expression) return true;
  let partial = partialAnalyses.get(index);
  if (!partial) partialAnalyses.set(index, (partial = analyzeFilter(expression)));
  return partial.conjuncts.every((required) => {
    if (query.conjuncts.some((given) => sameCanonical(given.filter, required.filter))) return true;
    const [[path, condition]] = Object.entries(required.filter);
    if (isExistsTrue(condition))
      return (query.byPath.get(path) ?? []).some((predicate) => !predicate.matchesMissing);
    return (
      required.complete &&
      required.predicates.every(
        (needed) =>
          needed.exact &&
          (query.byPath.get(needed.path) ?? []).some((given) => within(given, needed.intervals)),
      )
    );
  });
}

function isExistsTrue(condition: unknown): boolean {
  return (
    isPlainObject(condition) &&
    Object.keys(condition).length === 1 &&
    condition.$exists !== undefined &&
    numberOf(condition.$exists) !== 0 &&
    condition.$exists !== false
  );
}

/** Whether the values a predicate's bounds admit all lie within `intervals`. */
function within(predicate: PathPredicate, intervals: Interval[]): boolean {
  const own = unionOf(predicate.intervals);
  const common = intersectionOf(own, intervals);
  return sameCanonical(own as unknown as Doc[], common as unknown as Doc[]);
}

/** A sparse index lacks documents without its fields: usable only if they cannot match. */
export function excludesMissing(bounds: Interval[][]): boolean {
  return bounds.some((intervals) => !intervalsContain(intervals, null));
}
