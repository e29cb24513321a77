import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/** The Swagger shape of a list answer `{ items, page, limit, total, totalPages }` of `item`. */
export function PageResponseDto<T>(item: Type<T>) {
  class PageDto {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({ example: 1 })
    page: number;

    @ApiProperty({ example: 20 })
    limit: number;

    @ApiProperty({ example: 42 })
    total: number;

    @ApiProperty({ example: 3 })
    totalPages: number;
  }
  return PageDto;
}
