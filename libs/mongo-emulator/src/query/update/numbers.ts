import { Decimal128, Double, Long } from 'bson';
import { addDecimal, multiplyDecimal } from '../decimal';
import { isNumeric, numberOf, type Value } from '../values';

type NumericKind = 0 | 1 | 2 | 3;
const INT = 0;
const LONG = 1;
const DOUBLE = 2;
const DECIMAL = 3;

function kindOf(value: Value): NumericKind {
  if (value instanceof Decimal128) return DECIMAL;
  if (value instanceof Long) return LONG;
  if (value instanceof Double) return DOUBLE;
  const n = value as number;
  return Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 ? INT : DOUBLE;
}

/** Builds the typed value of a given numeric kind (see the storage notes in query/values). */
function make(kind: NumericKind, value: number | Long): Value {
  switch (kind) {
    case INT:
      return value;
    case LONG:
      return value instanceof Long ? value : Long.fromNumber(value);
    case DECIMAL:
      return Decimal128.fromString(String(value));
    default: {
      const n = value instanceof Long ? value.toNumber() : value;
      return Number.isInteger(n) ? new Double(n) : n;
    }
  }
}

function asLong(value: Value): Long {
  return value instanceof Long ? value : Long.fromNumber(numberOf(value));
}

function integerResult(kind: NumericKind, exact: number, viaLong: () => Long): Value {
  if (kind === INT) {
    if (exact >= -2147483648 && exact <= 2147483647) return exact;
    return viaLong();
  }
  return viaLong();
}

export function addNumbers(a: Value, b: Value): Value {
  const kind = Math.max(kindOf(a), kindOf(b)) as NumericKind;
  if (kind === DECIMAL) return addDecimal(a, b);
  if (kind <= LONG)
    return integerResult(kind, numberOf(a) + numberOf(b), () => asLong(a).add(asLong(b)));
  return make(kind, numberOf(a) + numberOf(b));
}

export function multiplyNumbers(a: Value, b: Value): Value {
  const kind = Math.max(kindOf(a), kindOf(b)) as NumericKind;
  if (kind === DECIMAL) return multiplyDecimal(a, b);
  if (kind <= LONG)
    return integerResult(kind, numberOf(a) * numberOf(b), () => asLong(a).multiply(asLong(b)));
  return make(kind, numberOf(a) * numberOf(b));
}

/** Zero of the operand's type, used by `$mul` on a missing field. */
export function zeroLike(a: Value, b: Value): Value {
  return multiplyNumbers(make(kindOf(a), 0), b);
}

export function bitwise(current: Value, operation: string, operand: Value): Value {
  const kind = Math.max(kindOf(current), kindOf(operand)) as NumericKind;
  const x = asLong(current);
  const y = asLong(operand);
  const result = operation === 'and' ? x.and(y) : operation === 'or' ? x.or(y) : x.xor(y);
  return kind === INT ? result.toInt() : result;
}

export function isIntegral(value: Value): boolean {
  return isNumeric(value) && (kindOf(value) === INT || kindOf(value) === LONG);
}
