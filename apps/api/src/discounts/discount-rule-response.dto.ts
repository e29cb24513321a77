import { ApiProperty } from '@nestjs/swagger';
import { DiscountKind } from './discount-rules';

/** What product discounts and promo codes answer alike: the rule, its window and its state. */
export class DiscountRuleResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['percent', 'fixed'], example: 'percent' })
  type: DiscountKind;

  @ApiProperty({ type: Number, nullable: true, example: 10 })
  percent: number | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  amount: string | null;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  startsAt: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  endsAt: string | null;

  @ApiProperty({ example: true })
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}
