import { ValidationError } from '../errors';

/**
 * Money in the API is a decimal string with 0–2 decimals on input (`"12"`, `"12.5"`, `"12.50"`)
 * and exactly two on output (`"12.50"`); in storage and arithmetic it is an integer number of
 * minor units (cents). Conversions work on the digits, never through floating point.
 */
const DECIMAL_AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/;

const MAX_CENTS = BigInt(Number.MAX_SAFE_INTEGER);

/** True when `value` is a non-negative decimal string with at most two decimals that fits in cents. */
export function isMoneyAmount(value: unknown): value is string {
  return typeof value === 'string' && decimalToHundredths(value) !== undefined;
}

/** `"12.5"` → `1250`. Throws `ValidationError` (on `field`) for anything else, negatives included. */
export function parseMoney(value: unknown, field = 'amount'): number {
  const cents = typeof value === 'string' ? decimalToHundredths(value) : undefined;
  if (cents === undefined) {
    throw ValidationError.forField(
      field,
      `${field} must be a non-negative decimal string with at most two decimals, e.g. "12.50"`,
    );
  }
  return cents;
}

/** `1250` → `"12.50"`; negative amounts (refunds, balances) keep their sign: `-5` → `"-0.05"`. */
export function formatMoney(cents: number): string {
  assertSafeInteger(cents, 'cents');
  const digits = String(Math.abs(cents)).padStart(3, '0');
  const sign = cents < 0 ? '-' : '';
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * `amountCents × numerator ÷ denominator`, rounded half to even (banker's rounding), computed
 * exactly with big integers so no intermediate product overflows or loses precision.
 */
export function scaleHalfEven(amountCents: number, numerator: number, denominator: number): number {
  assertSafeInteger(amountCents, 'amountCents');
  assertSafeInteger(numerator, 'numerator');
  assertSafeInteger(denominator, 'denominator');
  if (denominator === 0) {
    throw new RangeError('denominator must not be zero');
  }
  const result = divideHalfEven(BigInt(amountCents) * BigInt(numerator), BigInt(denominator));
  if (result > MAX_CENTS || result < -MAX_CENTS) {
    throw new RangeError('result exceeds the safe integer range');
  }
  return Number(result);
}

/** `percent` % of an amount in cents, half-even; `percent` has at most two decimals (`"12.5"`, `15`). */
export function percentOf(amountCents: number, percent: number | string): number {
  const basisPoints = decimalToHundredths(String(percent));
  if (basisPoints === undefined) {
    throw ValidationError.forField(
      'percent',
      'percent must be a non-negative number with at most two decimals',
    );
  }
  return scaleHalfEven(amountCents, basisPoints, 10_000);
}

function decimalToHundredths(text: string): number | undefined {
  const match = DECIMAL_AMOUNT.exec(text);
  if (!match) {
    return undefined;
  }
  const [, whole, fraction = ''] = match;
  const hundredths = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return hundredths > MAX_CENTS ? undefined : Number(hundredths);
}

function divideHalfEven(dividend: bigint, divisor: bigint): bigint {
  const negative = dividend < 0n !== divisor < 0n;
  const absDividend = dividend < 0n ? -dividend : dividend;
  const absDivisor = divisor < 0n ? -divisor : divisor;
  let quotient = absDividend / absDivisor;
  const twiceRemainder = (absDividend % absDivisor) * 2n;
  if (twiceRemainder > absDivisor || (twiceRemainder === absDivisor && quotient % 2n === 1n)) {
    quotient += 1n;
  }
  return negative ? -quotient : quotient;
}

function assertSafeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${name} must be a safe integer, got ${value}`);
  }
}
