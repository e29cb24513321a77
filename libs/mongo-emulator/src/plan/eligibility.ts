import { MongoCommandError } from '../errors';
import { holdsStrings, sameCollation, type Collation } from '../query/collation';
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

/** Whether the planner may use an index (a hidden index is kept up to date but never used). */
export function isVisible(index: Index): boolean {
  return index.spec.hidden !== true;
}

/**
 * Checks a `hint`'s shape before anything runs (also where no collection exists): a string or
 * a document, else FailedToParse. Returns whether it asks for anything (`''` and `{}` do not).
 */
export function checkHint(hint: unknown): boolean {
  if (hint === undefined || hint === null || hint === '') return false;
  if (typeof hint !== 'string' && !isPlainObject(hint))
    throw new MongoCommandError('FailedToParse', 'hint must be a string or an object');
  return !isPlainObject(hint) || Object.keys(hint).length > 0;
}

/**
 * The index (or natural order) a `hint` names: an index name, a key pattern, `{$natural}`.
 * A name or pattern must match a visible index, else BadValue as MongoDB answers.
 */
export function resolveHint(collection: Collection, hint: unknown): HintChoice | undefined {
  if (!checkHint(hint)) return undefined;
  if (isPlainObject(hint) && '$natural' in hint)
    return { natural: numberOf(hint.$natural) < 0 ? -1 : 1 };
  const index = collection
    .allIndexes()
    .find(
      (candidate) =>
        isVisible(candidate) &&
        (typeof hint === 'string'
          ? candidate.name === hint
          : sameCanonical(candidate.spec.key, hint)),
    );
  if (index) return { index };
  throw hintError();
}

const partialAnalyses = new WeakMap<Index, FilterAnalysis>();

/**
 * Whether every document the query matches is in the partial index: each condition of the
 * index's filter must follow from a condition of the query. The index's filter compares
 * strings by the index's collation, so a query under another collation implies none of its
 * conditions on strings.
 */
export function impliesPartialFilter(index: Index, query: FilterAnalysis): boolean {
  const expression = index.spec.partialFilterExpression;
  if (!expression) return true;
  let partial = partialAnalyses.get(index);
  if (!partial) partialAnalyses.set(index, (partial = analyzeFilter(expression, index.collation)));
  const sameOrder = sameCollation(index.collation, query.collation);
  const given = (path: string) =>
    (query.byPath.get(path) ?? []).filter((predicate) => sameOrder || !predicate.onStrings);
  return partial.conjuncts.every((required) => {
    const [[path, condition]] = Object.entries(required.filter);
    if (!sameOrder && holdsStrings(condition)) return false;
    if (query.conjuncts.some((conjunct) => sameCanonical(conjunct.filter, required.filter)))
      return true;
    if (isExistsTrue(condition)) return given(path).some((predicate) => !predicate.matchesMissing);
    return (
      required.complete &&
      required.predicates.every(
        (needed) =>
          needed.exact &&
          given(needed.path).some((predicate) =>
            within(predicate, needed.intervals, index.collation),
          ),
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
function within(predicate: PathPredicate, intervals: Interval[], collation?: Collation): boolean {
  const own = unionOf(predicate.intervals, collation);
  const common = intersectionOf(own, intervals, collation);
  return sameCanonical(own as unknown as Doc[], common as unknown as Doc[]);
}

/** A sparse index lacks documents without its fields: usable only if they cannot match. */
export function excludesMissing(bounds: Interval[][]): boolean {
  return bounds.some((intervals) => !intervalsContain(intervals, null));
}
