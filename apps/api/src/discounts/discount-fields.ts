import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDate,
  IsIn,
  IsNumber,
  IsOptional,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsMoneyAmount } from '@kassa/common';
import { DISCOUNT_KINDS, DiscountKind } from './discount-rules';

/** The value fields of a discount or promo code, as clients send them. */
export interface DiscountValueInput {
  type?: DiscountKind;
  percent?: number;
  amount?: string;
  startsAt?: Date | null;
  endsAt?: Date | null;
  active?: boolean;
}

export function DiscountTypeField(optional = false) {
  return applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({
      enum: DISCOUNT_KINDS,
      example: 'percent',
      description: 'percent: `percent` off; fixed: `amount` off',
    }),
    ...(optional ? [IsOptional()] : []),
    IsIn(DISCOUNT_KINDS),
  );
}

/** 0.01–100, at most two decimals; required when `type` is percent. */
export function PercentField() {
  return applyDecorators(
    ApiPropertyOptional({
      example: 15,
      minimum: 0.01,
      maximum: 100,
      description: 'For type percent',
    }),
    ValidateIf((dto: DiscountValueInput) => dto.type === 'percent' || dto.percent !== undefined),
    IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }),
    Min(0.01),
    Max(100),
  );
}

/** A positive money amount; required when `type` is fixed. */
export function AmountField(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ example: '5.00', description }),
    ValidateIf((dto: DiscountValueInput) => dto.type === 'fixed' || dto.amount !== undefined),
    IsMoneyAmount(),
  );
}

/** An ISO-8601 date-time, or null for an open end; `example` is shown in the API docs. */
export function WindowField(description: string, example: string) {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      format: 'date-time',
      nullable: true,
      description,
      example,
    }),
    IsOptional(),
    Type(() => Date),
    IsDate({ message: '$property must be an ISO-8601 date-time' }),
  );
}

export function ActiveField() {
  return applyDecorators(
    ApiPropertyOptional({ example: true, default: true }),
    IsOptional(),
    IsBoolean(),
  );
}
