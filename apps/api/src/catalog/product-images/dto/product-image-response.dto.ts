import { ApiProperty } from '@nestjs/swagger';
import { IMAGE_CONTENT_TYPES } from '../image-type';
import { PageResponseDto } from '../../../http/page-response.dto';

export class ProductImageResponseDto {
  @ApiProperty({ format: 'uuid', example: '0f8c6a2e-52e4-4c1b-9b3e-6d3f1a2b4c5d' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '87b045fc-2ca9-5a2f-996e-dc602da71fb8' })
  productId: string;

  @ApiProperty({ enum: IMAGE_CONTENT_TYPES, example: 'image/jpeg' })
  contentType: string;

  @ApiProperty({ example: 1_258_291, description: 'Bytes' })
  size: number;

  @ApiProperty({ example: 'front.jpg' })
  filename: string;

  @ApiProperty({
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    description: 'Hex SHA-256 of the content; also the ETag of the image',
  })
  sha256: string;

  @ApiProperty({
    example:
      '/products/87b045fc-2ca9-5a2f-996e-dc602da71fb8/images/0f8c6a2e-52e4-4c1b-9b3e-6d3f1a2b4c5d',
  })
  url: string;

  @ApiProperty({ format: 'date-time', example: '2025-01-31T09:30:00.000Z' })
  createdAt: string;
}

export class ProductImagePageDto extends PageResponseDto(ProductImageResponseDto) {}
