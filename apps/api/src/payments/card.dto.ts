import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, ValidateBy } from 'class-validator';
import {
  CARD_NUMBER_PATTERN,
  CVV_PATTERN,
  EXPIRY_PATTERN,
  isExpired,
  lastFourDigits,
  passesLuhn,
} from '@kassa/payment-gateway';

export const MIN_HOLDER_LENGTH = 2;
export const MAX_HOLDER_LENGTH = 100;

/** True for a name of 2–100 characters, spaces at either end not counted. */
export function isCardHolder(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const length = value.trim().length;
  return length >= MIN_HOLDER_LENGTH && length <= MAX_HOLDER_LENGTH;
}

/** True for 16 digits with a valid Luhn checksum. */
export function isCardNumber(value: unknown): value is string {
  return typeof value === 'string' && CARD_NUMBER_PATTERN.test(value) && passesLuhn(value);
}

/** True for `MMYY` of this month or later (a card is valid through its last month, UTC). */
export function isUnexpiredExpiry(value: unknown, now = new Date()): value is string {
  return typeof value === 'string' && EXPIRY_PATTERN.test(value) && !isExpired(value, now);
}

function IsCardHolder(): PropertyDecorator {
  return ValidateBy({
    name: 'isCardHolder',
    validator: {
      validate: (value: unknown) => isCardHolder(value),
      defaultMessage: () =>
        `holder must be ${MIN_HOLDER_LENGTH}-${MAX_HOLDER_LENGTH} characters (spaces at either end not counted)`,
    },
  });
}

function IsCardNumber(): PropertyDecorator {
  return ValidateBy({
    name: 'isCardNumber',
    validator: {
      validate: (value: unknown) => isCardNumber(value),
      defaultMessage: () => 'number must be 16 digits with a valid Luhn checksum',
    },
  });
}

function IsUnexpiredExpiry(): PropertyDecorator {
  return ValidateBy({
    name: 'isUnexpiredExpiry',
    validator: {
      validate: (value: unknown) => isUnexpiredExpiry(value),
      defaultMessage: () => 'expiry must be MMYY, this month or later',
    },
  });
}

/**
 * A payment card as a client sends it (`POST /payments`, paying an order). Validation failures
 * name the field (`card.number`) and never echo the value. Only {@link storedCard} may be kept:
 * the number and CVV are never stored or logged (the logger redacts `card.number` and `cvv`).
 */
export class PaymentCardDto {
  @ApiProperty({
    example: 'Ada Lovelace',
    minLength: MIN_HOLDER_LENGTH,
    maxLength: MAX_HOLDER_LENGTH,
  })
  @IsCardHolder()
  holder: string;

  @ApiProperty({
    example: '4242424242424242',
    description: '16 digits, Luhn-valid; never stored (only the last four digits are)',
  })
  @IsCardNumber()
  number: string;

  @ApiProperty({ example: '1230', description: 'MMYY, not in the past' })
  @IsUnexpiredExpiry()
  expiry: string;

  @ApiProperty({ example: '123', description: '3 digits; never stored' })
  @IsString()
  @Matches(CVV_PATTERN, { message: 'cvv must be 3 digits' })
  cvv: string;
}

/** What may be kept of a card: its last four digits and its holder, nothing else. */
export interface StoredCard {
  last4: string;
  holder: string;
}

export function storedCard(card: PaymentCardDto): StoredCard {
  return { last4: lastFourDigits(card.number), holder: card.holder.trim() };
}
