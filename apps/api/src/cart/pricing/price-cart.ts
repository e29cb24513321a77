import { allocateLargestRemainder, PromoRefusalReason } from '@kassa/common';
import {
  discountApplies,
  DiscountableProduct,
  lineDiscountCents,
  ProductDiscountRule,
  promoDiscountCents,
  promoRefusal,
  PromoRule,
} from '../../discounts/discount-rules';

/** A cart line: which product, how many. */
export interface PricingLine {
  productId: string;
  quantity: number;
}

/** What pricing needs of a product. */
export interface PricingProduct extends DiscountableProduct {
  model: string;
  priceCents: number;
  stock: number;
  active: boolean;
  archived: boolean;
}

/** Why a line is left out of the totals. */
export type UnavailableReason = 'NOT_FOUND' | 'INACTIVE' | 'ARCHIVED' | 'INSUFFICIENT_STOCK';

export interface PricedLine {
  productId: string;
  quantity: number;
  product: PricingProduct | undefined;
  unitPriceCents: number;
  /** The one product discount applied (the best), and what it takes off the line. */
  discount: { id: string; name: string; amountCents: number } | null;
  /** `unitPrice × quantity − discount`; 0 for an unavailable line. */
  lineTotalCents: number;
  /** This line's part of the promo discount (largest remainder; the parts add up to it). */
  promoShareCents: number;
  unavailable: { reason: UnavailableReason; availableQuantity?: number } | null;
}

export interface PricedPromo {
  id: string;
  code: string;
  applied: boolean;
  discountCents: number;
  refusal: { reason: PromoRefusalReason; missingCents?: number } | null;
}

export interface PricedCart {
  lines: PricedLine[];
  /** Σ line totals of the available lines (after product discounts). */
  subtotalCents: number;
  promo: PricedPromo | null;
  /** Product discounts plus the promo discount. */
  discountTotalCents: number;
  /** `subtotal − promo discount`. */
  totalCents: number;
  /** Units in the available lines. */
  itemCount: number;
}

export interface PricingInput {
  lines: readonly PricingLine[];
  products: ReadonlyMap<string, PricingProduct>;
  discounts: readonly ProductDiscountRule[];
  promo: { rule: PromoRule; customerUses: number } | null;
  now: Date;
}

function unavailability(line: PricingLine, product: PricingProduct | undefined) {
  if (!product) return { reason: 'NOT_FOUND' as const };
  if (product.archived) return { reason: 'ARCHIVED' as const };
  if (!product.active) return { reason: 'INACTIVE' as const };
  if (line.quantity > product.stock) {
    return { reason: 'INSUFFICIENT_STOCK' as const, availableQuantity: product.stock };
  }
  return null;
}

/** The best single product discount for a line (the largest amount; ties to the lower id). */
function bestDiscount(
  product: PricingProduct,
  quantity: number,
  discounts: readonly ProductDiscountRule[],
  now: Date,
): PricedLine['discount'] {
  let best: PricedLine['discount'] = null;
  for (const rule of discounts) {
    if (!discountApplies(rule, product, now)) continue;
    const amountCents = lineDiscountCents(rule, product.priceCents, quantity);
    if (amountCents === 0) continue;
    if (
      !best ||
      amountCents > best.amountCents ||
      (amountCents === best.amountCents && rule._id < best.id)
    ) {
      best = { id: rule._id, name: rule.name, amountCents };
    }
  }
  return best;
}

function priceLine(input: PricingInput, line: PricingLine): PricedLine {
  const product = input.products.get(line.productId);
  const unavailable = unavailability(line, product);
  const unitPriceCents = product?.priceCents ?? 0;
  if (!product || unavailable) {
    return {
      ...line,
      product,
      unitPriceCents,
      discount: null,
      lineTotalCents: 0,
      promoShareCents: 0,
      unavailable,
    };
  }
  const discount = bestDiscount(product, line.quantity, input.discounts, input.now);
  const lineTotalCents = unitPriceCents * line.quantity - (discount?.amountCents ?? 0);
  return {
    ...line,
    product,
    unitPriceCents,
    discount,
    lineTotalCents,
    promoShareCents: 0,
    unavailable,
  };
}

/**
 * Prices a cart at today's prices: per available line the best product discount (none stack,
 * never below zero), then the promo code on the subtotal, spread over the lines by largest
 * remainder so that the shares add up to the promo discount exactly. Unavailable lines stay,
 * with their reason, outside every total. A pure function: the cart view and order creation
 * share it, so an order costs what the cart showed.
 */
export function priceCart(input: PricingInput): PricedCart {
  const lines = input.lines.map((line) => priceLine(input, line));
  const subtotalCents = lines.reduce((sum, line) => sum + line.lineTotalCents, 0);
  const productDiscountCents = lines.reduce(
    (sum, line) => sum + (line.discount?.amountCents ?? 0),
    0,
  );
  const itemCount = lines.reduce((sum, line) => sum + (line.unavailable ? 0 : line.quantity), 0);
  let promo: PricedPromo | null = null;
  if (input.promo) {
    const { rule, customerUses } = input.promo;
    const refusal = promoRefusal(rule, subtotalCents, customerUses, input.now) ?? null;
    const discountCents = refusal ? 0 : promoDiscountCents(rule, subtotalCents);
    const shares = allocateLargestRemainder(
      discountCents,
      lines.map((line) => line.lineTotalCents),
    );
    lines.forEach((line, index) => (line.promoShareCents = shares[index]));
    promo = { id: rule._id, code: rule.code, applied: !refusal, discountCents, refusal };
  }
  const promoCents = promo?.discountCents ?? 0;
  return {
    lines,
    subtotalCents,
    promo,
    discountTotalCents: productDiscountCents + promoCents,
    totalCents: subtotalCents - promoCents,
    itemCount,
  };
}
