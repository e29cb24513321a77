/** Limits and formats of gateway requests, shared by the DTOs, the processor and the docs. */
export const MAX_AMOUNT = 99_999_999;
export const MAX_HOLDER_LENGTH = 100;
export const CARD_NUMBER_PATTERN = /^\d{16}$/;
export const EXPIRY_PATTERN = /^(0[1-9]|1[0-2])\d{2}$/;
export const CVV_PATTERN = /^\d{3}$/;
export const REFERENCE_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
/** Printable ASCII without spaces, 1–255 characters (as Stripe takes them). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7E]{1,255}$/;
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** The Luhn checksum over a string of digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A card expiring `MMYY` is valid through the last day of that month (UTC, years 20YY). */
export function isExpired(expiry: string, now: Date): boolean {
  const month = Number(expiry.slice(0, 2));
  const year = 2000 + Number(expiry.slice(2, 4));
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
  return year * 12 + month < current;
}

export function lastFourDigits(cardNumber: string): string {
  return cardNumber.slice(-4);
}
