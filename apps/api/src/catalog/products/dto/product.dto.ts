import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsMoneyAmount } from '@kassa/common';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Trimmed } from '../../../http/trimmed.decorator';

export const MAX_STOCK = 1_000_000_000;

/** Create (POST) or replace (PUT) a product; on PUT omitted optional fields take their defaults. */
export class ProductDto {
  @ApiProperty({ example: 'Player Stratocaster', maxLength: 200 })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  model: string;

  @ApiProperty({ format: 'uuid', example: '224bd58a-9111-5fd2-ab81-6a64da303aa3' })
  @IsUUID()
  brandId: string;

  @ApiProperty({ format: 'uuid', example: 'b6a690c7-1a45-59dd-a663-4b5528c8c70a' })
  @IsUUID()
  categoryId: string;

  @ApiPropertyOptional({
    example: 'Alder body, maple neck, three single-coil pickups.',
    maxLength: 5000,
    default: '',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({
    example: '1299.00',
    description: 'Decimal string with 0–2 decimals ("12", "12.5", "12.50"); never negative',
  })
  @IsMoneyAmount()
  price: string;

  @ApiPropertyOptional({ example: 'USD', description: 'Optional; must be the shop currency' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency?: string;

  @ApiProperty({ example: 12, minimum: 0, maximum: MAX_STOCK })
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  stock: number;

  @ApiPropertyOptional({ example: true, default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** Partial update: only the given fields change. */
export class PatchProductDto extends PartialType(ProductDto) {}
