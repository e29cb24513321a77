import { ApiProperty } from '@nestjs/swagger';
import { NamedEntry } from './named-entry';

/** A brand or category in responses. */
export class NamedEntryResponseDto {
  @ApiProperty({ format: 'uuid', example: '224bd58a-9111-5fd2-ab81-6a64da303aa3' })
  id: string;

  @ApiProperty({ example: 'Fender' })
  name: string;

  @ApiProperty({
    description: 'Live (non-archived) products using it; delete needs 0',
    example: 42,
  })
  productCount: number;

  @ApiProperty({ format: 'date-time', example: '2025-01-31T09:30:00.000Z' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', example: '2025-01-31T09:30:00.000Z' })
  updatedAt: string;
}

export function toNamedEntryResponse(entry: NamedEntry): NamedEntryResponseDto {
  return {
    id: entry._id,
    name: entry.name,
    productCount: entry.productCount,
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
  };
}
