import { Decimal128, Double, Long, MaxKey, MinKey, ObjectId } from 'bson';
import type { Collation } from '../query/collation';
import { formatValue, isPlainObject, type Value } from '../query/values';
import { compareKeyValues, EMPTY_ARRAY_KEY } from '../storage/index-keys';

/**
 * A range of key values in ascending value order (MinKey/MaxKey for open ends). The operations
 * below take the collation that orders string bounds: the index's, or the query's.
 */
export interface Interval {
  low: Value;
  lowInclusive: boolean;
  high: Value;
  highInclusive: boolean;
}

export const MIN_KEY: Value = new MinKey();
export const MAX_KEY: Value = new MaxKey();

export const FULL_INTERVAL: Interval = {
  low: MIN_KEY,
  lowInclusive: true,
  high: MAX_KEY,
  highInclusive: true,
};

export function pointInterval(value: Value): Interval {
  return { low: value, lowInclusive: true, high: value, highInclusive: true };
}

export function isPoint(interval: Interval, collation?: Collation): boolean {
  return (
    interval.lowInclusive &&
    interval.highInclusive &&
    compareKeyValues(interval.low, interval.high, collation) === 0
  );
}

export function isFull(intervals: readonly Interval[]): boolean {
  return (
    intervals.length === 1 &&
    intervals[0].low instanceof MinKey &&
    intervals[0].high instanceof MaxKey
  );
}

function isEmpty(interval: Interval, collation?: Collation): boolean {
  const order = compareKeyValues(interval.low, interval.high, collation);
  return order > 0 || (order === 0 && !(interval.lowInclusive && interval.highInclusive));
}

/** Sorts and merges overlapping intervals into a disjoint ascending list. */
export function unionOf(intervals: Interval[], collation?: Collation): Interval[] {
  if (intervals.length === 1 && !isEmpty(intervals[0], collation)) return [copyOf(intervals[0])];
  const compare = (a: Value, b: Value) => compareKeyValues(a, b, collation);
  const sorted = intervals
    .filter((interval) => !isEmpty(interval, collation))
    .sort((a, b) => compare(a.low, b.low) || Number(b.lowInclusive) - Number(a.lowInclusive));
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    const order = last ? compare(interval.low, last.high) : 1;
    if (last && (order < 0 || (order === 0 && (interval.lowInclusive || last.highInclusive)))) {
      const highOrder = compare(interval.high, last.high);
      if (highOrder > 0 || (highOrder === 0 && interval.highInclusive)) {
        last.high = interval.high;
        last.highInclusive = interval.highInclusive;
      }
    } else merged.push(copyOf(interval));
  }
  return merged;
}

function copyOf(interval: Interval): Interval {
  return {
    low: interval.low,
    lowInclusive: interval.lowInclusive,
    high: interval.high,
    highInclusive: interval.highInclusive,
  };
}

export function intersectionOf(
  a: readonly Interval[],
  b: readonly Interval[],
  collation?: Collation,
): Interval[] {
  const out: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const lowOrder = compareKeyValues(x.low, y.low, collation);
      const highOrder = compareKeyValues(x.high, y.high, collation);
      const low = lowOrder > 0 ? x : lowOrder < 0 ? y : x.lowInclusive ? y : x;
      const high = highOrder < 0 ? x : highOrder > 0 ? y : x.highInclusive ? y : x;
      out.push({
        low: low.low,
        lowInclusive: low.lowInclusive,
        high: high.high,
        highInclusive: high.highInclusive,
      });
    }
  }
  return unionOf(out, collation);
}

export function intervalsContain(
  intervals: readonly Interval[],
  value: Value,
  collation?: Collation,
): boolean {
  return intervals.some((interval) => {
    const low = compareKeyValues(value, interval.low, collation);
    const high = compareKeyValues(value, interval.high, collation);
    return (
      (low > 0 || (low === 0 && interval.lowInclusive)) &&
      (high < 0 || (high === 0 && interval.highInclusive))
    );
  });
}

const MIN_DATE = new Date(-8.64e15);
const MAX_DATE = new Date(8.64e15);

/**
 * The interval `$gt`/`$gte`/`$lt`/`$lte` selects for an operand: comparisons only match values
 * of the operand's own type bracket. Undefined for operands whose bracket is not bounded here
 * (the predicate then stays a filter).
 */
export function rangeInterval(operator: string, operand: Value): Interval | undefined {
  const interval = typeBracket(operand);
  if (!interval) return undefined;
  if (operator === '$gt' || operator === '$gte') {
    interval.low = operand;
    interval.lowInclusive = operator === '$gte';
  } else {
    interval.high = operand;
    interval.highInclusive = operator === '$lte';
  }
  return interval;
}

function typeBracket(value: Value): Interval | undefined {
  if (
    typeof value === 'number' ||
    value instanceof Double ||
    value instanceof Long ||
    value instanceof Decimal128
  ) {
    if (Number.isNaN(typeof value === 'number' ? value : Number(value.toString())))
      return undefined;
    return { low: -Infinity, lowInclusive: true, high: Infinity, highInclusive: true };
  }
  if (typeof value === 'string')
    return { low: '', lowInclusive: true, high: {}, highInclusive: false };
  if (value instanceof Date)
    return { low: MIN_DATE, lowInclusive: true, high: MAX_DATE, highInclusive: true };
  if (value instanceof ObjectId)
    return {
      low: new ObjectId('000000000000000000000000'),
      lowInclusive: true,
      high: new ObjectId('ffffffffffffffffffffffff'),
      highInclusive: true,
    };
  if (typeof value === 'boolean')
    return { low: false, lowInclusive: true, high: true, highInclusive: true };
  return undefined;
}

/** Whether an equality operand is matched exactly by an index point (no fetch filter). */
export function isExactPoint(value: Value): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value) || isPlainObject(value)) return false;
  return !(value instanceof MinKey || value instanceof MaxKey);
}

/** MongoDB's rendering of a bound in explain output: `5`, `5.0`, `inf.0`, `"a"`, `MinKey`. */
export function formatBound(value: Value): string {
  if (value instanceof MinKey) return 'MinKey';
  if (value instanceof MaxKey) return 'MaxKey';
  if (value === EMPTY_ARRAY_KEY) return 'undefined';
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      return Number.isNaN(value) ? 'nan.0' : value > 0 ? 'inf.0' : '-inf.0';
    return String(value);
  }
  if (value instanceof Double)
    return Number.isInteger(value.value) ? `${value.value}.0` : String(value.value);
  return formatValue(value);
}

export function formatInterval(
  start: Value,
  startInclusive: boolean,
  end: Value,
  endInclusive: boolean,
): string {
  return `${startInclusive ? '[' : '('}${formatBound(start)}, ${formatBound(end)}${endInclusive ? ']' : ')'}`;
}
