import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { isCommonPassword } from '../common-passwords';

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]+$/;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
const EMAIL_MAX_LENGTH = 254;

function optionalOrRequired(optional: boolean, example: string, description: string) {
  return optional
    ? [IsOptional(), ApiPropertyOptional({ example, description })]
    : [ApiProperty({ example, description })];
}

/** 3–32 letters, digits, `_`, `.` or `-`; unique regardless of case. */
export function UsernameField(options: { optional?: boolean } = {}) {
  return applyDecorators(
    ...optionalOrRequired(
      options.optional ?? false,
      'ada_l',
      '3-32 letters, digits, _ . or -; unique regardless of case',
    ),
    IsString(),
    Length(3, 32),
    Matches(USERNAME_PATTERN, {
      message: 'username may contain only letters, digits, _ . and -',
    }),
  );
}

/** A syntactically valid address of at most 254 characters; unique regardless of case. */
export function EmailField(options: { optional?: boolean } = {}) {
  return applyDecorators(
    ...optionalOrRequired(
      options.optional ?? false,
      'ada@example.com',
      'Unique regardless of case',
    ),
    IsString(),
    MaxLength(EMAIL_MAX_LENGTH),
    IsEmail({}, { message: 'email must be a valid email address' }),
  );
}

/** Refuses a password found on a public list of the most common (breached) passwords. */
function IsNotCommonPassword() {
  return ValidateBy({
    name: 'isNotCommonPassword',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !isCommonPassword(value),
      defaultMessage: () =>
        '$property is one of the most common passwords, which attackers try first; choose another',
    },
  });
}

/** 8–128 characters, not one of the most common passwords. */
export function PasswordField(example = 'correct-horse-battery') {
  return applyDecorators(
    ApiProperty({
      example,
      minLength: PASSWORD_MIN_LENGTH,
      maxLength: PASSWORD_MAX_LENGTH,
      format: 'password',
      description: `${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} characters, not one of the most common passwords`,
    }),
    IsString(),
    Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH),
    IsNotCommonPassword(),
  );
}
