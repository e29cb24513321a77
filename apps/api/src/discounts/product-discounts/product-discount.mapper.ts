import { showValue } from '../discount-value';
import { ProductDiscountResponseDto } from './product-discount.dto';
import { ProductDiscountRecord } from './product-discount.repository';

export function toProductDiscountResponse(
  discount: ProductDiscountRecord,
  currency: string,
): ProductDiscountResponseDto {
  return {
    id: discount._id,
    name: discount.name,
    ...showValue(discount),
    currency,
    target: discount.target,
    targetIds: [...discount.targetIds],
    startsAt: discount.startsAt?.toISOString() ?? null,
    endsAt: discount.endsAt?.toISOString() ?? null,
    active: discount.active,
    createdAt: discount.createdAt.toISOString(),
    updatedAt: discount.updatedAt.toISOString(),
  };
}
