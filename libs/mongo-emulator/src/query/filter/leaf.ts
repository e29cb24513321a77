import { Binary, BSONRegExp, BSONSymbol, Long, MaxKey, MinKey, Timestamp } from 'bson';
import { collationKey, type Collation } from '../collation';
import { bsonTypeName } from '../type-names';
import { canonicalKey, compareValues, isNumeric, numberOf, typeRank, type Value } from '../values';

/** A test of one candidate value of a path (`undefined` is a missing field). */
export type ValueTest = (value: Value) => boolean;

export type ComparisonOperator = '$gt' | '$gte' | '$lt' | '$lte';

const NULL_RANK = typeRank(null);

function stringOf(value: Value): string | undefined {
  if (typeof value === 'string') return value;
  return value instanceof BSONSymbol ? value.value : undefined;
}

function isRegex(value: Value): value is RegExp | BSONRegExp {
  return value instanceof RegExp || value instanceof BSONRegExp;
}

function regexParts(value: RegExp | BSONRegExp): [string, string] {
  return value instanceof RegExp
    ? [value.source, value.flags]
    : [value.pattern, [...value.options].sort().join('')];
}

/** `{field: value}` / `$eq`: equal by MongoDB's comparison; null also matches a missing field. */
export function equalsTest(expected: Value, collation?: Collation): ValueTest {
  if (expected === null || expected === undefined)
    return (value) => value === null || value === undefined;
  return (value) => value !== undefined && compareValues(value, expected, collation) === 0;
}

function isNaNNumber(value: Value): boolean {
  return isNumeric(value) && Number.isNaN(numberOf(value));
}

/**
 * `$gt`, `$gte`, `$lt`, `$lte`: values of the same canonical type only (null and missing alike),
 * except that MinKey and MaxKey bound every type. NaN is equal to NaN and compares false with
 * every other number (though it sorts first).
 */
export function comparisonTest(
  operator: ComparisonOperator,
  bound: Value,
  collation?: Collation,
): ValueTest {
  const inclusive = operator === '$gte' || operator === '$lte';
  const sign = operator === '$gt' || operator === '$gte' ? 1 : -1;
  const boundRank = typeRank(bound);
  const boundIsNaN = isNaNNumber(bound);
  return (value) => {
    if (typeRank(value) !== boundRank) {
      if (bound instanceof MaxKey) return sign < 0;
      if (bound instanceof MinKey) return sign > 0;
      return false;
    }
    if (boundRank === NULL_RANK) return inclusive;
    if (boundIsNaN || isNaNNumber(value)) return inclusive && boundIsNaN && isNaNNumber(value);
    const order = compareValues(value, bound, collation) * sign;
    return order > 0 || (inclusive && order === 0);
  };
}

/** `$regex`: strings the pattern finds, and stored regular expressions equal to it. */
export function regexTest(pattern: RegExp): ValueTest {
  const [source, flags] = regexParts(pattern);
  return (value) => {
    const text = stringOf(value);
    if (text !== undefined) {
      pattern.lastIndex = 0;
      return pattern.test(text);
    }
    if (!isRegex(value)) return false;
    const [otherSource, otherFlags] = regexParts(value);
    return otherSource === source && otherFlags === flags;
  };
}

/** `$in`: equal to one of the values (null matching missing too) or found by one of the patterns. */
export function inTest(values: Value[], collation?: Collation): ValueTest {
  const patterns = values.filter(isRegex).map((pattern) => regexTest(toRegExp(pattern)));
  const keys = new Set(
    values.filter((value) => !isRegex(value)).map((value) => keyOf(value ?? null, collation)),
  );
  return (value) =>
    keys.has(keyOf(value ?? null, collation)) || patterns.some((matches) => matches(value));
}

function keyOf(value: Value, collation?: Collation): string {
  return canonicalKey(collationKey(value, collation));
}

function toRegExp(value: RegExp | BSONRegExp): RegExp {
  return value instanceof RegExp ? value : new RegExp(value.pattern, jsFlags(value.options));
}

/** MongoDB regex options as JavaScript flags (`x` is applied to the pattern by the caller). */
export function jsFlags(options: string): string {
  return [...new Set(options)].filter((flag) => 'ims'.includes(flag)).join('');
}

export function existsTest(value: Value): boolean {
  return value !== undefined;
}

const NUMBER_ALIASES = ['int', 'long', 'double', 'decimal'];

/** `$type`: the candidate has one of the BSON types (`number` covers the four numeric ones). */
export function typeTest(aliases: string[]): ValueTest {
  return (value) =>
    value !== undefined &&
    aliases.some((alias) =>
      alias === 'number'
        ? NUMBER_ALIASES.includes(bsonTypeName(value))
        : bsonTypeName(value) === alias,
    );
}

export function sizeTest(size: number): ValueTest {
  return (value) => Array.isArray(value) && value.length === size;
}

/** `$mod`: integral part of a number divided by `divisor` leaves `remainder`. */
export function modTest(divisor: number, remainder: number): ValueTest {
  return (value) => {
    if (!isNumeric(value)) return false;
    const n = numberOf(value);
    if (!Number.isFinite(n)) return false;
    return Math.trunc(n) % divisor === remainder;
  };
}

export type BitsOperator = '$bitsAllSet' | '$bitsAllClear' | '$bitsAnySet' | '$bitsAnyClear';

function bitAt(value: Value, position: number): boolean | undefined {
  if (value instanceof Binary) {
    const bytes = value.buffer.subarray(0, value.position);
    const byte = bytes[position >> 3] ?? 0;
    return ((byte >> (position & 7)) & 1) === 1;
  }
  if (!isNumeric(value) || value instanceof Timestamp) return undefined;
  const n = value instanceof Long ? value.toBigInt() : numberOf(value);
  if (typeof n === 'number' && (!Number.isInteger(n) || Math.abs(n) >= 2 ** 63)) return undefined;
  const big = BigInt(n);
  if (position >= 64) return big < 0n;
  return ((BigInt.asUintN(64, big) >> BigInt(position)) & 1n) === 1n;
}

/** The `$bits*` family on integral numbers and binary data; `positions` are bit indexes. */
export function bitsTest(operator: BitsOperator, positions: number[]): ValueTest {
  const wantSet = operator === '$bitsAllSet' || operator === '$bitsAnySet';
  const all = operator === '$bitsAllSet' || operator === '$bitsAllClear';
  return (value) => {
    if (bitAt(value, 0) === undefined) return false;
    const hits = positions.map((position) => bitAt(value, position) === wantSet);
    return all ? hits.every(Boolean) : hits.some(Boolean);
  };
}

export function elemMatchTest(elementTest: ValueTest): ValueTest {
  return (value) => Array.isArray(value) && value.some((element) => elementTest(element));
}
