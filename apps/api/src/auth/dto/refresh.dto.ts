import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** The refresh token in the body, or nothing when the `kassa_refresh` cookie carries it. */
export class RefreshTokenDto {
  @ApiPropertyOptional({
    example: 'q3Jm1m9jYc2d8nq3ZrV1pW4bK0sTfXo6hLuA7eRgI5E',
    description:
      'Omit to use the kassa_refresh cookie; then X-CSRF-Token must repeat the kassa_csrf cookie',
  })
  @IsOptional()
  @IsString()
  @Length(1, 256)
  refreshToken?: string;
}
