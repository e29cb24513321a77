import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trimmed } from '../../http/trimmed.decorator';

export const CATALOG_NAME_MAX_LENGTH = 80;

/** Create or replace a brand or category; names are unique ignoring case. */
export class NamedEntryDto {
  @ApiProperty({ example: 'Electric Guitars', maxLength: CATALOG_NAME_MAX_LENGTH })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CATALOG_NAME_MAX_LENGTH)
  name: string;
}

/** Partial update of a brand or category. */
export class PatchNamedEntryDto {
  @ApiPropertyOptional({ example: 'Electric Guitars', maxLength: CATALOG_NAME_MAX_LENGTH })
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CATALOG_NAME_MAX_LENGTH)
  name?: string;
}
