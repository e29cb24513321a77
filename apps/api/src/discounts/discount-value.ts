import { formatMoney, parseMoney, ValidationError } from '@kassa/common';
import { DiscountKind } from './discount-rules';
import { DiscountValueInput } from './discount-fields';

/** A discount's stored value: basis points for percent, cents for fixed. */
export interface StoredDiscountValue {
  kind: DiscountKind;
  value: number;
}

/**
 * Turns the type and the percent or amount a client sent into the stored value, refusing a
 * percent on a fixed discount, an amount on a percent one, and a zero amount.
 */
export function toStoredValue(input: DiscountValueInput): StoredDiscountValue {
  if (input.type === 'percent') {
    if (input.amount !== undefined) {
      throw ValidationError.forField('amount', 'amount is for type fixed; send percent');
    }
    return { kind: 'percent', value: parseMoney(String(input.percent), 'percent') };
  }
  if (input.percent !== undefined) {
    throw ValidationError.forField('percent', 'percent is for type percent; send amount');
  }
  const value = parseMoney(input.amount, 'amount');
  if (value === 0) throw ValidationError.forField('amount', 'amount must be more than 0');
  return { kind: 'fixed', value };
}

/** The stored value as the API shows it: `percent` or `amount`, the other null. */
export function showValue(stored: StoredDiscountValue) {
  return stored.kind === 'percent'
    ? { type: stored.kind, percent: stored.value / 100, amount: null }
    : { type: stored.kind, percent: null, amount: formatMoney(stored.value) };
}

/** The end of a time window must come after its start. */
export function checkWindow(startsAt: Date | null | undefined, endsAt: Date | null | undefined) {
  if (startsAt && endsAt && endsAt <= startsAt) {
    throw ValidationError.forField('endsAt', 'endsAt must be after startsAt');
  }
}
