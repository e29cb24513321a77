import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { EmailField, PasswordField } from '../../users/dto/user-fields';
import { UserStatus } from '../../users/user-status';

function CodeField() {
  return applyDecorators(
    ApiProperty({
      example: '042917',
      pattern: '^[0-9]{6}$',
      description: 'The mailed 6-digit code',
    }),
    IsString(),
    Matches(/^\d{6}$/, { message: 'code must be 6 digits' }),
  );
}

export class VerifyEmailDto {
  @EmailField()
  email: string;

  @CodeField()
  code: string;
}

export class ResendCodeDto {
  @EmailField()
  email: string;
}

export class VerifyEmailChangeDto {
  @CodeField()
  code: string;
}

export class VerifyResponseDto {
  @ApiProperty({ enum: [UserStatus.Active], example: UserStatus.Active })
  status: UserStatus;
}

export class ResendResponseDto {
  @ApiProperty({
    example: 'sent',
    description: 'Also answered for unknown addresses (nothing is sent to them)',
  })
  status: 'sent';
}

export class ForgotPasswordDto {
  @EmailField()
  email: string;
}

export class ResetPasswordDto {
  @EmailField()
  email: string;

  @CodeField()
  code: string;

  @PasswordField('new-staple-battery-horse')
  newPassword: string;
}

export class PasswordResetResponseDto {
  @ApiProperty({ example: 'password_reset', description: 'Every session of the account ended' })
  status: 'password_reset';
}
