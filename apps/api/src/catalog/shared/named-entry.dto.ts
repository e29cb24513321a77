import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export const CATALOG_NAME_MAX_LENGTH = 80;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Create or replace a brand or category; names are unique ignoring case. */
export class NamedEntryDto {
  @ApiProperty({ example: 'Electric Guitars', maxLength: CATALOG_NAME_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(CATALOG_NAME_MAX_LENGTH)
  name: string;
}

/** Partial update of a brand or category. */
export class PatchNamedEntryDto {
  @ApiPropertyOptional({ example: 'Electric Guitars', maxLength: CATALOG_NAME_MAX_LENGTH })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(CATALOG_NAME_MAX_LENGTH)
  name?: string;
}
