import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';

/** The most of one product a cart line may hold. */
export const MAX_LINE_QUANTITY = 999;

export class AddCartItemDto {
  @ApiProperty({ format: 'uuid', example: '87b045fc-2ca9-5a2f-996e-dc602da71fb8' })
  @IsUUID('all', { message: 'productId must be a UUID' })
  productId: string;

  @ApiPropertyOptional({ example: 1, minimum: 1, maximum: MAX_LINE_QUANTITY, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity?: number;
}

export class SetCartItemQuantityDto {
  @ApiProperty({
    example: 2,
    minimum: 0,
    maximum: MAX_LINE_QUANTITY,
    description: '0 removes the line',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

export class RemoveCartItemDto {
  @ApiProperty({ format: 'uuid', example: '87b045fc-2ca9-5a2f-996e-dc602da71fb8' })
  @IsUUID('all', { message: 'productId must be a UUID' })
  productId: string;
}

export class ApplyPromoCodeDto {
  @ApiProperty({ example: 'SPRING10' })
  @IsString()
  code: string;
}
