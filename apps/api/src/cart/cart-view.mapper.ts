import { formatMoney } from '@kassa/common';
import { CartLineDto, CartViewDto } from './dto/cart-view.dto';
import { PricedCart, PricedLine } from './pricing/price-cart';

function toLine(line: PricedLine): CartLineDto {
  return {
    productId: line.productId,
    model: line.product?.model ?? null,
    quantity: line.quantity,
    unitPrice: formatMoney(line.unitPriceCents),
    discount: line.discount
      ? {
          id: line.discount.id,
          name: line.discount.name,
          amount: formatMoney(line.discount.amountCents),
        }
      : null,
    lineTotal: formatMoney(line.lineTotalCents),
    available: line.unavailable === null,
    unavailableReason: line.unavailable?.reason ?? null,
    availableQuantity: line.unavailable?.availableQuantity ?? null,
  };
}

/** The priced cart as the API shows it: money as two-decimal strings in the shop currency. */
export function toCartView(cart: PricedCart, currency: string): CartViewDto {
  const { promo } = cart;
  return {
    lines: cart.lines.map(toLine),
    subtotal: formatMoney(cart.subtotalCents),
    promoCode: promo && {
      code: promo.code,
      applied: promo.applied,
      discount: formatMoney(promo.discountCents),
      reason: promo.refusal?.reason ?? null,
      missing:
        promo.refusal?.missingCents === undefined ? null : formatMoney(promo.refusal.missingCents),
    },
    discountTotal: formatMoney(cart.discountTotalCents),
    total: formatMoney(cart.totalCents),
    currency,
    itemCount: cart.itemCount,
  };
}
