import { PromoRefusalReason, scaleHalfEven } from '@kassa/common';

/** `percent`: `value` is basis points (1250 = 12.5 %); `fixed`: `value` is cents. */
export type DiscountKind = 'percent' | 'fixed';
export const DISCOUNT_KINDS: readonly DiscountKind[] = ['percent', 'fixed'];

/** What a product discount is attached to. */
export type DiscountTarget = 'product' | 'brand' | 'category';
export const DISCOUNT_TARGETS: readonly DiscountTarget[] = ['product', 'brand', 'category'];

export interface TimeWindow {
  startsAt: Date | null;
  endsAt: Date | null;
}

export interface ProductDiscountRule extends TimeWindow {
  _id: string;
  name: string;
  kind: DiscountKind;
  value: number;
  target: DiscountTarget;
  targetIds: readonly string[];
  active: boolean;
}

export interface PromoRule extends TimeWindow {
  _id: string;
  code: string;
  kind: DiscountKind;
  value: number;
  minimumSubtotalCents: number;
  active: boolean;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  usedCount: number;
}

/** What a discount needs to know of a product. */
export interface DiscountableProduct {
  _id: string;
  brandId: string;
  categoryId: string;
}

const BASIS_POINTS = 10_000;

/** Before its start, after its end (the end is exclusive), or open. */
export function windowState(window: TimeWindow, now: Date): 'NOT_YET_VALID' | 'EXPIRED' | 'OPEN' {
  if (window.startsAt && now < window.startsAt) return 'NOT_YET_VALID';
  if (window.endsAt && now >= window.endsAt) return 'EXPIRED';
  return 'OPEN';
}

/** True when the discount is switched on, open now and aimed at this product. */
export function discountApplies(
  rule: ProductDiscountRule,
  product: DiscountableProduct,
  now: Date,
): boolean {
  if (!rule.active || windowState(rule, now) !== 'OPEN') return false;
  const targeted = { product: product._id, brand: product.brandId, category: product.categoryId };
  return rule.targetIds.includes(targeted[rule.target]);
}

/**
 * What a product discount takes off one line: a percentage of the line (half-even, per line),
 * or a fixed amount off each unit, never more than the unit costs.
 */
export function lineDiscountCents(
  rule: Pick<ProductDiscountRule, 'kind' | 'value'>,
  unitPriceCents: number,
  quantity: number,
): number {
  const gross = unitPriceCents * quantity;
  if (rule.kind === 'percent')
    return Math.min(gross, scaleHalfEven(gross, rule.value, BASIS_POINTS));
  return Math.min(rule.value, unitPriceCents) * quantity;
}

/** What a promo code takes off a subtotal: a percentage (half-even) or a fixed amount, capped. */
export function promoDiscountCents(
  rule: Pick<PromoRule, 'kind' | 'value'>,
  subtotalCents: number,
): number {
  const discount =
    rule.kind === 'percent' ? scaleHalfEven(subtotalCents, rule.value, BASIS_POINTS) : rule.value;
  return Math.min(discount, subtotalCents);
}

export interface PromoRefusal {
  reason: PromoRefusalReason;
  /** For `MINIMUM_NOT_MET`: how much more the subtotal needs, in cents. */
  missingCents?: number;
}

/**
 * Why a known promo code does not apply to a subtotal, or undefined when it does. The reasons
 * are checked in a fixed order, so a client always gets the most fundamental one first.
 */
export function promoRefusal(
  rule: PromoRule,
  subtotalCents: number,
  customerUses: number,
  now: Date,
): PromoRefusal | undefined {
  if (!rule.active) return { reason: 'INACTIVE' };
  const window = windowState(rule, now);
  if (window !== 'OPEN') return { reason: window };
  if (rule.usageLimit !== null && rule.usedCount >= rule.usageLimit) {
    return { reason: 'USAGE_LIMIT_REACHED' };
  }
  if (rule.perCustomerLimit !== null && customerUses >= rule.perCustomerLimit) {
    return { reason: 'CUSTOMER_LIMIT_REACHED' };
  }
  if (subtotalCents < rule.minimumSubtotalCents) {
    return { reason: 'MINIMUM_NOT_MET', missingCents: rule.minimumSubtotalCents - subtotalCents };
  }
  return undefined;
}

export const PROMO_REFUSAL_MESSAGES: Record<PromoRefusalReason, string> = {
  INACTIVE: 'the code is switched off',
  NOT_YET_VALID: 'the code is not valid yet',
  EXPIRED: 'the code has expired',
  USAGE_LIMIT_REACHED: 'the code has been used as often as it may be',
  CUSTOMER_LIMIT_REACHED: 'you have used the code as often as you may',
  MINIMUM_NOT_MET: 'the cart is below the minimum for this code',
};
