import { ApiProperty } from '@nestjs/swagger';
import { SessionTokens } from '../sessions/session-tokens';

export class TokenResponseDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI2ZjFj...' })
  accessToken: string;

  @ApiProperty({ example: 'q3Jm1m9jYc2d8nq3ZrV1pW4bK0sTfXo6hLuA7eRgI5E' })
  refreshToken: string;

  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ example: 900, description: 'Access-token lifetime in seconds' })
  expiresIn: number;
}

export function toTokenResponse(tokens: SessionTokens): TokenResponseDto {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    tokenType: tokens.tokenType,
    expiresIn: tokens.expiresIn,
  };
}
