import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IsMoneyAmount } from '@kassa/common';
import { PageResponseDto } from '../../http/page-response.dto';
import { DiscountRuleResponseDto } from '../discount-rule-response.dto';
import {
  ActiveField,
  AmountField,
  DiscountTypeField,
  PercentField,
  WindowField,
} from '../discount-fields';
import { DiscountKind } from '../discount-rules';

const CODE = /^[A-Za-z0-9_-]{3,32}$/;
const MAX_USES = 1_000_000_000;

/** `POST /promo-codes`, `PUT /promo-codes/:id`. */
export class PromoCodeDto {
  @ApiProperty({ example: 'SPRING10', description: '3-32 of A-Z a-z 0-9 _ -; unique in any case' })
  @IsString()
  @Matches(CODE, { message: 'code must be 3-32 letters, digits, _ or -' })
  code: string;

  @DiscountTypeField()
  type: DiscountKind;

  @PercentField()
  percent?: number;

  @AmountField('For type fixed: taken off the subtotal, never below zero')
  amount?: string;

  @ApiPropertyOptional({ example: '50.00', description: 'Subtotal after product discounts' })
  @IsOptional()
  @IsMoneyAmount()
  minimumSubtotal?: string;

  @WindowField('When it becomes valid; null or absent: at once', '2026-03-01T00:00:00.000Z')
  startsAt?: Date | null;

  @WindowField(
    'When it stops being valid (exclusive); null or absent: never',
    '2099-01-01T00:00:00.000Z',
  )
  endsAt?: Date | null;

  @ActiveField()
  active?: boolean;

  @ApiPropertyOptional({
    example: 100,
    nullable: true,
    description: 'Orders in all; absent: no limit',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_USES)
  usageLimit?: number | null;

  @ApiPropertyOptional({
    example: 1,
    nullable: true,
    description: 'Orders per customer; absent: no limit',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_USES)
  perCustomerLimit?: number | null;
}

/** `PATCH /promo-codes/:id`: any subset; the result must still be a valid code. */
export class PatchPromoCodeDto extends PartialType(PromoCodeDto) {}

export class PromoCodeResponseDto extends DiscountRuleResponseDto {
  @ApiProperty({ example: 'SPRING10' })
  code: string;

  @ApiProperty({ example: '50.00' })
  minimumSubtotal: string;

  @ApiProperty({ type: Number, nullable: true, example: 100 })
  usageLimit: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 1 })
  perCustomerLimit: number | null;

  @ApiProperty({ example: 12, description: 'Orders holding a use of the code' })
  usedCount: number;
}

export class PromoCodePageDto extends PageResponseDto(PromoCodeResponseDto) {}
