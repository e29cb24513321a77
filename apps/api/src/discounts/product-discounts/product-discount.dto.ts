import { ApiProperty, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { PageResponseDto } from '../../http/page-response.dto';
import { DiscountRuleResponseDto } from '../discount-rule-response.dto';
import {
  ActiveField,
  AmountField,
  DiscountTypeField,
  PercentField,
  WindowField,
} from '../discount-fields';
import { DISCOUNT_TARGETS, DiscountKind, DiscountTarget } from '../discount-rules';
import { Trimmed } from '../../http/trimmed.decorator';

/** `POST /discounts`, `PUT /discounts/:id`. */
export class ProductDiscountDto {
  @ApiProperty({ example: 'Spring sale on Fender', maxLength: 80 })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  name: string;

  @DiscountTypeField()
  type: DiscountKind;

  @PercentField()
  percent?: number;

  @AmountField('For type fixed: taken off each unit, never below zero')
  amount?: string;

  @ApiProperty({ enum: DISCOUNT_TARGETS, example: 'brand' })
  @IsIn(DISCOUNT_TARGETS)
  target: DiscountTarget;

  @ApiProperty({ type: [String], example: ['224bd58a-9111-5fd2-ab81-6a64da303aa3'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'each of targetIds must be a UUID' })
  targetIds: string[];

  @WindowField('When it starts applying; null or absent: at once', '2026-03-01T00:00:00.000Z')
  startsAt?: Date | null;

  @WindowField(
    'When it stops applying (exclusive); null or absent: never',
    '2099-01-01T00:00:00.000Z',
  )
  endsAt?: Date | null;

  @ActiveField()
  active?: boolean;
}

/** `PATCH /discounts/:id`: any subset; the result must still be a valid discount. */
export class PatchProductDiscountDto extends PartialType(ProductDiscountDto) {}

export class ProductDiscountResponseDto extends DiscountRuleResponseDto {
  @ApiProperty({ example: 'Spring sale on Fender' })
  name: string;

  @ApiProperty({ enum: DISCOUNT_TARGETS, example: 'brand' })
  target: DiscountTarget;

  @ApiProperty({ type: [String] })
  targetIds: string[];
}

export class ProductDiscountPageDto extends PageResponseDto(ProductDiscountResponseDto) {}
