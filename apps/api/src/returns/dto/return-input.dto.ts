import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Trimmed } from '../../http/trimmed.decorator';

/** The most lines one return may name. */
const MAX_ITEMS = 100;

export class ReturnItemDto {
  @ApiProperty({ format: 'uuid', example: '87b045fc-2ca9-5a2f-996e-dc602da71fb8' })
  @IsUUID('all', { message: 'productId must be a UUID' })
  productId: string;

  @ApiProperty({ example: 1, minimum: 1, maximum: 999 })
  @IsInt()
  @Min(1)
  @Max(999)
  quantity: number;
}

export class CreateReturnDto {
  @ApiProperty({ type: [ReturnItemDto], minItems: 1, maxItems: MAX_ITEMS })
  @IsArray()
  @ArrayMinSize(1, { message: 'items must name at least one product' })
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ReturnItemDto)
  items: ReturnItemDto[];

  @ApiProperty({ example: 'The neck is warped', minLength: 1, maxLength: 1000 })
  @Trimmed()
  @IsString()
  @Length(1, 1000)
  reason: string;
}

export class RejectReturnDto {
  @ApiProperty({ example: 'Returned item shows wear', minLength: 1, maxLength: 1000 })
  @Trimmed()
  @IsString()
  @Length(1, 1000)
  reason: string;
}
