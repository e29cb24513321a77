import { sameCollation } from '../query/collation';
import { compareKeyValues } from '../storage/index-keys';
import {
  AFTER_ALL,
  BEFORE_ALL,
  probe,
  type Index,
  type IndexEntry,
  type KeyBox,
} from '../storage/index';
import type { Doc, Value } from '../query/values';
import {
  FULL_INTERVAL,
  formatInterval,
  intersectionOf,
  intervalsContain,
  isFull,
  isPoint,
  MAX_KEY,
  MIN_KEY,
  type Interval,
} from './intervals';
import type { FilterAnalysis, PathPredicate } from './predicates';

/** MongoDB's cap on the number of point combinations an index scan expands to. */
const MAX_BOXES = 200;

export interface IndexBounds {
  /** Per index field: allowed key values, ascending. */
  fields: Interval[][];
  /** Conjuncts of the filter that these bounds enforce completely. */
  covered: Set<number>;
}

/**
 * The bounds a filter puts on each field of an index. On a multikey field only one condition
 * may bound the scan (different elements may satisfy different conditions), so the others stay
 * in the fetch filter; on other fields the conditions intersect. Conditions on strings bound
 * only an index whose collation is the query's (its keys are ordered and equated by it).
 */
export function boundsFor(
  index: Index,
  analysis: FilterAnalysis,
  multikey: readonly boolean[],
): IndexBounds {
  const used = new Set<PathPredicate>();
  const collation = index.collation;
  const sameOrder = sameCollation(collation, analysis.collation);
  const fields = index.fields.map((field, i) => {
    const predicates = (analysis.byPath.get(field) ?? []).filter((p) => sameOrder || !p.onStrings);
    if (predicates.length === 0) return [FULL_INTERVAL];
    if (multikey[i]) {
      const chosen =
        predicates.find((p) => p.intervals.every((interval) => isPoint(interval, collation))) ??
        predicates[0];
      used.add(chosen);
      return chosen.intervals;
    }
    for (const predicate of predicates) used.add(predicate);
    return predicates
      .slice(1)
      .reduce(
        (intervals, predicate) => intersectionOf(intervals, predicate.intervals, collation),
        predicates[0].intervals,
      );
  });
  const covered = new Set<number>();
  analysis.conjuncts.forEach((conjunct, i) => {
    if (conjunct.complete && conjunct.predicates.every((p) => p.exact && used.has(p)))
      covered.add(i);
  });
  return { fields, covered };
}

/** One field's interval in index order (descending fields run from high to low). */
interface Range {
  start: Value;
  startInclusive: boolean;
  end: Value;
  endInclusive: boolean;
}

function inIndexOrder(intervals: readonly Interval[], direction: 1 | -1): Range[] {
  const ranges = intervals.map((interval) =>
    direction === 1
      ? {
          start: interval.low,
          startInclusive: interval.lowInclusive,
          end: interval.high,
          endInclusive: interval.highInclusive,
        }
      : {
          start: interval.high,
          startInclusive: interval.highInclusive,
          end: interval.low,
          endInclusive: interval.lowInclusive,
        },
  );
  return direction === 1 ? ranges : ranges.reverse();
}

function isPointRange(range: Range, index: Index): boolean {
  return (
    range.startInclusive &&
    range.endInclusive &&
    compareKeyValues(range.start, range.end, index.collation) === 0
  );
}

function padded(prefix: Value[], value: Value, fill: Value, length: number): Value[] {
  const values = [...prefix, value];
  while (values.length < length) values.push(fill);
  return values;
}

export interface BoxedBounds {
  boxes: KeyBox[];
  /** Leading fields expanded into separate boxes (each box holds one value of each). */
  pointFields: number;
}

/**
 * Turns bounds into contiguous key ranges, in index order: one per combination of the leading
 * point fields and interval of the next field; later fields are checked key by key.
 */
export function keyBoxes(index: Index, fields: Interval[][]): BoxedBounds {
  const length = fields.length;
  if (fields.some((intervals) => intervals.length === 0)) return { boxes: [], pointFields: 0 };
  const ordered = fields.map((intervals, i) => inIndexOrder(intervals, index.directions[i]));
  let prefixes: Value[][] = [[]];
  let depth = 0;
  while (
    depth < length &&
    ordered[depth].every((range) => isPointRange(range, index)) &&
    prefixes.length * ordered[depth].length <= MAX_BOXES
  ) {
    const ranges = ordered[depth];
    prefixes = prefixes.flatMap((prefix) => ranges.map((range) => [...prefix, range.start]));
    depth += 1;
  }
  if (depth === length) {
    return {
      boxes: prefixes.map((prefix) => ({
        start: probe(prefix, -Infinity),
        end: probe(prefix, Infinity),
      })),
      pointFields: depth,
    };
  }
  const checked: number[] = [];
  let ranges = ordered[depth];
  if (prefixes.length * ranges.length > MAX_BOXES) {
    ranges = [
      {
        ...ranges[0],
        end: ranges[ranges.length - 1].end,
        endInclusive: ranges[ranges.length - 1].endInclusive,
      },
    ];
    checked.push(depth);
  }
  for (let k = depth + 1; k < length; k++) if (!isFull(fields[k])) checked.push(k);
  const accepts =
    checked.length === 0
      ? undefined
      : (values: Value[]) =>
          checked.every((k) => intervalsContain(fields[k], values[k], index.collation));
  const boxes = prefixes.flatMap((prefix) =>
    ranges.map((range) => ({
      start: startProbe(prefix, range, length),
      end: endProbe(prefix, range, length),
      accepts,
    })),
  );
  return { boxes, pointFields: depth };
}

function startProbe(prefix: Value[], range: Range, length: number): IndexEntry {
  const fill = range.startInclusive ? BEFORE_ALL : AFTER_ALL;
  return probe(
    padded(prefix, range.start, fill, length),
    range.startInclusive ? -Infinity : Infinity,
  );
}

function endProbe(prefix: Value[], range: Range, length: number): IndexEntry {
  const fill = range.endInclusive ? AFTER_ALL : BEFORE_ALL;
  return probe(padded(prefix, range.end, fill, length), range.endInclusive ? Infinity : -Infinity);
}

/** `indexBounds` of an IXSCAN in explain output: per field, intervals in scan order. */
export function formatBounds(index: Index, fields: Interval[][], direction: 1 | -1): Doc {
  const out: Doc = {};
  index.fields.forEach((field, i) => {
    const ranges = inIndexOrder(fields[i], index.directions[i]);
    const walked = direction === 1 ? ranges : [...ranges].reverse();
    out[field] = walked.map((range) =>
      direction === 1
        ? formatInterval(range.start, range.startInclusive, range.end, range.endInclusive)
        : formatInterval(range.end, range.endInclusive, range.start, range.startInclusive),
    );
  });
  return out;
}

/** COUNT_SCAN's bounds: the first and last key of one contiguous range. */
export function formatKeyRange(index: Index, box: KeyBox): Doc {
  const keyOf = (entry: IndexEntry) =>
    Object.fromEntries(
      index.fields.map((field, i) => {
        const value = entry.values[i];
        const first = index.directions[i] === 1 ? MIN_KEY : MAX_KEY;
        const last = index.directions[i] === 1 ? MAX_KEY : MIN_KEY;
        return [field, value === BEFORE_ALL ? first : value === AFTER_ALL ? last : value];
      }),
    );
  return {
    startKey: keyOf(box.start),
    startKeyInclusive: box.start.rid === -Infinity,
    endKey: keyOf(box.end),
    endKeyInclusive: box.end.rid === Infinity,
  };
}
