import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDefined,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidationArguments,
} from 'class-validator';

/** Refuses the property when `other` is given too: the two are alternatives. */
function NotTogetherWith(other: string) {
  return ValidateBy({
    name: 'notTogetherWith',
    validator: {
      validate: (_value: unknown, args?: ValidationArguments) =>
        (args?.object as Record<string, unknown>)[other] === undefined,
      defaultMessage: (args?: ValidationArguments) =>
        `send either ${other} or ${args?.property}, not both`,
    },
  });
}

/** `{username, password}` or `{email, password}`: exactly one identifier. */
export class LoginDto {
  @ApiPropertyOptional({ example: 'ada_l', description: 'Username (or give email, not both)' })
  @ValidateIf((dto: LoginDto) => dto.email === undefined || dto.username !== undefined)
  @IsDefined({ message: 'username or email is required' })
  @IsString()
  @Length(1, 32)
  username?: string;

  @ApiPropertyOptional({
    example: 'ada@example.com',
    description: 'Email (or give username, not both)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @NotTogetherWith('username')
  email?: string;

  @ApiProperty({ example: 'correct-horse-battery', format: 'password' })
  @IsString()
  @Length(1, 128)
  password: string;
}
