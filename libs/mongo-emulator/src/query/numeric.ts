import { Decimal128, Double, Int32, Long, Timestamp } from 'bson';
import Decimal from 'decimal.js';

/**
 * Exact comparison of BSON numbers across int32, int64, double and decimal128, as MongoDB
 * compares them: by mathematical value (a double is its exact binary value, so the double 0.1
 * differs from NumberDecimal("0.1")), NaN below every other number and equal to itself.
 */

const TWO_TO_53 = 2n ** 53n;
/** Below this magnitude a long's nearest double is its exact value. */
const TWO_TO_53_NUMBER = 2 ** 53;
const TWO_TO_63 = 2 ** 63;

function plainNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value instanceof Double || value instanceof Int32) return value.value;
  return undefined;
}

function isLong(value: unknown): value is Long {
  return value instanceof Long && !(value instanceof Timestamp);
}

function order(a: number | bigint, b: number | bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareDoubles(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return order(a, b);
}

function compareLongToDouble(long: Long, double: number): number {
  if (Number.isNaN(double)) return 1;
  const near = long.toNumber();
  if (Math.abs(near) < TWO_TO_53_NUMBER) return compareDoubles(near, double);
  const big = long.toBigInt();
  if (big <= TWO_TO_53 && big >= -TWO_TO_53) return compareDoubles(Number(big), double);
  if (double >= TWO_TO_63) return -1;
  if (double < -TWO_TO_63) return 1;
  return order(big, BigInt(Math.trunc(double)));
}

/** The exact decimal value of a double (every finite double is a finite decimal fraction). */
function exactDecimalOfDouble(value: number): Decimal {
  if (!Number.isFinite(value) || Number.isInteger(value))
    return Number.isFinite(value) ? new Decimal(BigInt(value).toString()) : new Decimal(value);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  if (biased !== 0) mantissa |= 1n << 52n;
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  const digits = (mantissa * 5n ** BigInt(-exponent)).toString();
  return new Decimal(`${value < 0 ? '-' : ''}${digits}e${exponent}`);
}

/** The exact value of any BSON number as a decimal.js value. */
function decimalValueOf(value: unknown): Decimal {
  if (value instanceof Decimal128) return new Decimal(value.toString());
  if (isLong(value)) return new Decimal(value.toString());
  return exactDecimalOfDouble(plainNumber(value) ?? Number(value));
}

function compareDecimals(a: Decimal, b: Decimal): number {
  if (a.isNaN()) return b.isNaN() ? 0 : -1;
  if (b.isNaN()) return 1;
  return a.cmp(b);
}

const nearestOfDecimal = new WeakMap<Decimal128, number>();

/**
 * The double nearest a number's value (NaN for a decimal NaN). Rounding to nearest never
 * reverses an order, so two numbers whose nearest doubles differ compare as those doubles do.
 */
function nearestDouble(value: unknown): number {
  const plain = plainNumber(value);
  if (plain !== undefined) return plain;
  if (isLong(value)) return value.toNumber();
  if (!(value instanceof Decimal128)) return Number(value);
  let nearest = nearestOfDecimal.get(value);
  if (nearest === undefined) nearestOfDecimal.set(value, (nearest = Number(value.toString())));
  return nearest;
}

/** Compares two BSON numbers of any numeric types by value. */
export function compareNumbers(a: unknown, b: unknown): number {
  const x = plainNumber(a);
  const y = plainNumber(b);
  if (x !== undefined && y !== undefined) return compareDoubles(x, y);
  if (isLong(a) && isLong(b)) return a.compare(b);
  const nearA = nearestDouble(a);
  const nearB = nearestDouble(b);
  if (nearA < nearB) return -1;
  if (nearA > nearB) return 1;
  if (isLong(a) && y !== undefined) return compareLongToDouble(a, y);
  if (x !== undefined && isLong(b)) return -compareLongToDouble(b, x);
  return compareDecimals(decimalValueOf(a), decimalValueOf(b));
}

/**
 * A string equal for two numbers exactly when they are equal by value, whatever their types
 * (used for hash keys: index entries, distinct values, group keys).
 */
export function numericKey(value: unknown): string {
  const n = plainNumber(value);
  if (n !== undefined) return Number.isNaN(n) ? 'NaN' : String(n === 0 ? 0 : n);
  if (isLong(value)) return value.toString();
  const decimal = decimalValueOf(value);
  if (decimal.isNaN()) return 'NaN';
  if (decimal.isZero()) return '0';
  const nearest = decimal.toNumber();
  if (exactDecimalOfDouble(nearest).eq(decimal)) return String(nearest);
  return `d${decimal.toString()}`;
}
