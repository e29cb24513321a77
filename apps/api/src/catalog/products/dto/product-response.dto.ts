import { ApiProperty } from '@nestjs/swagger';
import { PageResponseDto } from '../../../http/page-response.dto';

export class ProductRefDto {
  @ApiProperty({ format: 'uuid', example: '224bd58a-9111-5fd2-ab81-6a64da303aa3' })
  id: string;

  @ApiProperty({
    example: 'Fender',
    nullable: true,
    type: String,
    description: 'null only for an archived product whose brand or category was deleted later',
  })
  name: string | null;
}

export class ProductResponseDto {
  @ApiProperty({ format: 'uuid', example: '87b045fc-2ca9-5a2f-996e-dc602da71fb8' })
  id: string;

  @ApiProperty({ example: 'Player Stratocaster' })
  model: string;

  @ApiProperty({ format: 'uuid', example: '224bd58a-9111-5fd2-ab81-6a64da303aa3' })
  brandId: string;

  @ApiProperty({ type: ProductRefDto })
  brand: ProductRefDto;

  @ApiProperty({ format: 'uuid', example: 'b6a690c7-1a45-59dd-a663-4b5528c8c70a' })
  categoryId: string;

  @ApiProperty({
    type: ProductRefDto,
    example: { id: 'b6a690c7-1a45-59dd-a663-4b5528c8c70a', name: 'Electric Guitars' },
  })
  category: ProductRefDto;

  @ApiProperty({ example: 'Alder body, maple neck, three single-coil pickups.' })
  description: string;

  @ApiProperty({ example: '1299.00' })
  price: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ example: 12 })
  stock: number;

  @ApiProperty({ example: true })
  active: boolean;

  @ApiProperty({
    example: false,
    description: 'Archived (deleted) products are visible to admins only',
  })
  archived: boolean;

  @ApiProperty({ example: 2 })
  imageCount: number;

  @ApiProperty({ format: 'date-time', example: '2025-01-31T09:30:00.000Z' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', example: '2025-02-14T16:05:00.000Z' })
  updatedAt: string;
}

export class ProductPageDto extends PageResponseDto(ProductResponseDto) {}

export class PriceHistoryEntryDto {
  @ApiProperty({ example: 2, description: '1 is the first price; each change adds one' })
  version: number;

  @ApiProperty({ example: '1199.00' })
  price: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ format: 'date-time', example: '2025-02-14T16:05:00.000Z' })
  changedAt: string;
}

export class PriceHistoryPageDto extends PageResponseDto(PriceHistoryEntryDto) {}
