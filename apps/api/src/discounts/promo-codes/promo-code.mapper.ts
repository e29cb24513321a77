import { formatMoney } from '@kassa/common';
import { showValue } from '../discount-value';
import { PromoCodeResponseDto } from './promo-code.dto';
import { PromoCodeRecord } from './promo-code.repository';

export function toPromoCodeResponse(
  promo: PromoCodeRecord,
  currency: string,
): PromoCodeResponseDto {
  return {
    id: promo._id,
    code: promo.code,
    ...showValue(promo),
    minimumSubtotal: formatMoney(promo.minimumSubtotalCents),
    currency,
    startsAt: promo.startsAt?.toISOString() ?? null,
    endsAt: promo.endsAt?.toISOString() ?? null,
    active: promo.active,
    usageLimit: promo.usageLimit,
    perCustomerLimit: promo.perCustomerLimit,
    usedCount: promo.usedCount,
    createdAt: promo.createdAt.toISOString(),
    updatedAt: promo.updatedAt.toISOString(),
  };
}
