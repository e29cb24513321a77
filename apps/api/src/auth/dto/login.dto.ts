import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';

/** `{username | email, password}`; when both are given the username is used. */
export class LoginDto {
  @ApiPropertyOptional({ example: 'ada_l', description: 'Username (or give email)' })
  @ValidateIf((dto: LoginDto) => dto.email === undefined || dto.username !== undefined)
  @IsDefined({ message: 'username or email is required' })
  @IsString()
  @Length(1, 32)
  username?: string;

  @ApiPropertyOptional({ example: 'ada@example.com', description: 'Email (or give username)' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;

  @ApiProperty({ example: 'correct-horse-battery', format: 'password' })
  @IsString()
  @Length(1, 128)
  password: string;
}
