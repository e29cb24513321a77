import { ApiProperty } from '@nestjs/swagger';
import { PromoRefusalReason } from '@kassa/common';
import { UnavailableReason } from '../pricing/price-cart';

export class CartLineDiscountDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Spring sale on Fender' })
  name: string;

  @ApiProperty({ example: '9.00', description: 'Taken off the whole line' })
  amount: string;
}

export class CartLineDto {
  @ApiProperty({ format: 'uuid' })
  productId: string;

  @ApiProperty({ type: String, nullable: true, example: 'Player Stratocaster' })
  model: string | null;

  @ApiProperty({ example: 3 })
  quantity: number;

  @ApiProperty({ example: '19.99', description: "Today's price of one unit" })
  unitPrice: string;

  @ApiProperty({ type: CartLineDiscountDto, nullable: true })
  discount: CartLineDiscountDto | null;

  @ApiProperty({
    example: '50.97',
    description: 'unitPrice × quantity − discount; 0 when unavailable',
  })
  lineTotal: string;

  @ApiProperty({ example: true, description: 'false: kept in the cart, left out of the totals' })
  available: boolean;

  @ApiProperty({
    enum: ['NOT_FOUND', 'INACTIVE', 'ARCHIVED', 'INSUFFICIENT_STOCK'],
    nullable: true,
    example: null,
  })
  unavailableReason: UnavailableReason | null;

  @ApiProperty({ type: Number, nullable: true, example: null, description: 'In stock, when short' })
  availableQuantity: number | null;
}

export class CartPromoDto {
  @ApiProperty({ example: 'SPRING10' })
  code: string;

  @ApiProperty({ example: true })
  applied: boolean;

  @ApiProperty({ example: '16.11' })
  discount: string;

  @ApiProperty({
    enum: [
      'EXPIRED',
      'NOT_YET_VALID',
      'MINIMUM_NOT_MET',
      'USAGE_LIMIT_REACHED',
      'CUSTOMER_LIMIT_REACHED',
      'INACTIVE',
    ],
    nullable: true,
    example: null,
    description: 'Why the code gives no discount right now',
  })
  reason: PromoRefusalReason | null;

  @ApiProperty({ type: String, nullable: true, example: null, description: 'For MINIMUM_NOT_MET' })
  missing: string | null;
}

export class CartViewDto {
  @ApiProperty({ type: [CartLineDto] })
  lines: CartLineDto[];

  @ApiProperty({ example: '161.07', description: 'Σ line totals, after product discounts' })
  subtotal: string;

  @ApiProperty({ type: CartPromoDto, nullable: true })
  promoCode: CartPromoDto | null;

  @ApiProperty({ example: '26.11', description: 'Product discounts and the promo discount' })
  discountTotal: string;

  @ApiProperty({ example: '144.96', description: 'subtotal − promo discount' })
  total: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ example: 6, description: 'Units in the available lines' })
  itemCount: number;
}
