import { Decimal128, Long, Timestamp } from 'bson';
import Decimal from 'decimal.js';

/**
 * Decimal128 arithmetic as MongoDB does it (IEEE 754-2008 decimal128): exact results rounded
 * half-even to 34 significant digits, with the exponent ("quantum") the standard prefers, so
 * 1.10 + 2.205 is 3.305 and 1.0 × 2.00 is 2.000. Values come from decimal.js; this module keeps
 * track of exponents. Other numeric types join as MongoDB converts them: integers exactly,
 * doubles rounded to 15 significant digits (the double 0.1 is 0.100000000000000).
 */
const Decimal34 = Decimal.clone({
  precision: 34,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpPos: 9e15,
  toExpNeg: -9e15,
});

/** Enough digits to multiply two 34-digit values without rounding. */
const DecimalExact = Decimal.clone({ precision: 80 });

const MAX_DIGITS = 34;
const MAX_EXPONENT = 6111;
const MIN_EXPONENT = -6176;

/** A decimal value with its exponent (the quantum: 1.50 has exponent -2). */
interface Quantum {
  value: Decimal;
  exponent: number;
}

const LITERAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

function fromLiteral(text: string): Quantum {
  const match = LITERAL.exec(text);
  if (!match) return { value: new Decimal34(text), exponent: 0 };
  const fraction = match[3] ?? '';
  return { value: new Decimal34(text), exponent: Number(match[4] ?? 0) - fraction.length };
}

function quantumOf(value: unknown): Quantum {
  if (value instanceof Decimal128) return fromLiteral(value.toString());
  if (value instanceof Long && !(value instanceof Timestamp))
    return { value: new Decimal34(value.toString()), exponent: 0 };
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || Number.isSafeInteger(n))
    return { value: new Decimal34(n), exponent: 0 };
  return fromLiteral(n.toPrecision(15));
}

/**
 * Writes `value` with the exponent closest to `ideal` that keeps it exact within 34 digits
 * (`full`: an inexact result always carries 34 digits); beyond the exponent range it becomes
 * infinite or rounds towards zero, as IEEE 754 decimal128 does.
 */
function toDecimal128(value: Decimal, ideal: number, full = false): Decimal128 {
  if (value.isNaN()) return Decimal128.fromString('NaN');
  const sign = value.isNeg() ? '-' : '';
  if (!value.isFinite()) return Decimal128.fromString(`${sign}Infinity`);
  if (value.isZero()) {
    const exponent = Math.min(MAX_EXPONENT, Math.max(MIN_EXPONENT, ideal));
    return Decimal128.fromString(`${sign}0E${exponent}`);
  }
  const [mantissa] = value.abs().toExponential().split('e');
  const significant = mantissa.replace('.', '').replace(/0+$/, '');
  const lowest = value.e - significant.length + 1;
  const room = MAX_DIGITS - significant.length;
  let exponent = full ? lowest - room : lowest < ideal ? lowest : Math.max(ideal, lowest - room);
  if (exponent > MAX_EXPONENT) {
    if (exponent - MAX_EXPONENT > room - (lowest - exponent))
      return Decimal128.fromString(`${sign}Infinity`);
    exponent = MAX_EXPONENT;
  }
  const coefficient = significant + '0'.repeat(lowest - exponent);
  if (exponent < MIN_EXPONENT)
    return Decimal128.fromStringWithRounding(`${sign}${coefficient}E${exponent}`);
  return Decimal128.fromString(`${sign}${coefficient}E${exponent}`);
}

export function isDecimal(value: unknown): value is Decimal128 {
  return value instanceof Decimal128;
}

export function addDecimal(a: unknown, b: unknown): Decimal128 {
  const x = quantumOf(a);
  const y = quantumOf(b);
  return toDecimal128(x.value.plus(y.value), Math.min(x.exponent, y.exponent));
}

export function subtractDecimal(a: unknown, b: unknown): Decimal128 {
  const x = quantumOf(a);
  const y = quantumOf(b);
  return toDecimal128(x.value.minus(y.value), Math.min(x.exponent, y.exponent));
}

export function multiplyDecimal(a: unknown, b: unknown): Decimal128 {
  const x = quantumOf(a);
  const y = quantumOf(b);
  return toDecimal128(x.value.times(y.value), x.exponent + y.exponent);
}

export function divideDecimal(a: unknown, b: unknown): Decimal128 {
  const x = quantumOf(a);
  const y = quantumOf(b);
  const quotient = x.value.dividedBy(y.value);
  const exact = new DecimalExact(quotient).times(y.value).eq(x.value);
  return toDecimal128(quotient, x.exponent - y.exponent, !exact);
}
