import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponseDto } from '../../http/page-response.dto';
import { ORDER_STATUSES, OrderStatus } from '../order-status';

export class OrderLineDiscountDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Spring sale on Fender' })
  name: string;

  @ApiProperty({ example: '9.00' })
  amount: string;
}

export class OrderLineDto {
  @ApiProperty({ format: 'uuid' })
  productId: string;

  @ApiProperty({ example: 'Player Stratocaster' })
  model: string;

  @ApiProperty({ example: 2 })
  quantity: number;

  @ApiProperty({ example: '19.99', description: 'The price of one unit when bought' })
  unitPrice: string;

  @ApiProperty({ type: OrderLineDiscountDto, nullable: true })
  discount: OrderLineDiscountDto | null;

  @ApiProperty({ example: '30.98', description: 'unitPrice × quantity − discount' })
  lineTotal: string;

  @ApiProperty({ example: '3.10', description: "This line's part of the promo discount" })
  promoShare: string;

  @ApiProperty({ example: '27.88', description: 'lineTotal − promoShare: what the line cost' })
  total: string;

  @ApiProperty({ example: 0, description: 'Units whose return was approved' })
  returnedQuantity: number;
}

export class OrderPromoDto {
  @ApiProperty({ example: 'SPRING10' })
  code: string;

  @ApiProperty({ example: '3.10' })
  discount: string;
}

export class OrderHistoryEntryDto {
  @ApiProperty({ enum: ORDER_STATUSES, example: 'pending' })
  status: OrderStatus;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ example: 'system', description: 'A user id, or system for the jobs' })
  by: string;
}

export class OrderResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ enum: ORDER_STATUSES, example: 'pending' })
  status: OrderStatus;

  @ApiProperty({ type: [OrderLineDto] })
  lines: OrderLineDto[];

  @ApiProperty({ example: '30.98' })
  subtotal: string;

  @ApiProperty({ type: OrderPromoDto, nullable: true })
  promoCode: OrderPromoDto | null;

  @ApiProperty({ example: '12.10' })
  discountTotal: string;

  @ApiProperty({ example: '27.88' })
  total: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ example: '0.00', description: 'Given back by refunded returns so far' })
  refunded: string;

  @ApiPropertyOptional({ example: 'Customer asked for gift wrapping', description: 'Admins only' })
  note?: string;

  @ApiProperty({ type: [OrderHistoryEntryDto] })
  history: OrderHistoryEntryDto[];

  @ApiProperty({ format: 'date-time', description: 'An unpaid order expires then' })
  expiresAt: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  paidAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class OrderPageDto extends PageResponseDto(OrderResponseDto) {}
