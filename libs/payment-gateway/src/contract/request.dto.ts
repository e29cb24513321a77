import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsISO4217CurrencyCode,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  CARD_NUMBER_PATTERN,
  CVV_PATTERN,
  EXPIRY_PATTERN,
  isExpired,
  MAX_AMOUNT,
  MAX_HOLDER_LENGTH,
  passesLuhn,
  REFERENCE_PATTERN,
} from './request-rules';
import { CardDetails, ChargeRequest } from './charge';
import { RefundRequest } from './refund';

/** 16 digits with a valid Luhn checksum. */
function IsCardNumber(): PropertyDecorator {
  return ValidateBy({
    name: 'isCardNumber',
    validator: {
      validate: (value) =>
        typeof value === 'string' && CARD_NUMBER_PATTERN.test(value) && passesLuhn(value),
      defaultMessage: () => 'number must be 16 digits with a valid Luhn checksum',
    },
  });
}

/** `MMYY` of this month or later (a card is valid through the end of its month). */
function IsNotExpired(): PropertyDecorator {
  return ValidateBy({
    name: 'isNotExpired',
    validator: {
      validate: (value) =>
        typeof value === 'string' && EXPIRY_PATTERN.test(value) && !isExpired(value, new Date()),
      defaultMessage: () => 'expiry must be MMYY, this month or later',
    },
  });
}

function IsAmount(): PropertyDecorator {
  return (target, property) => {
    IsInt({ message: '$property must be an integer amount in minor units' })(target, property);
    Min(1)(target, property);
    Max(MAX_AMOUNT)(target, property);
  };
}

export class CardDto implements CardDetails {
  @ApiProperty({ example: 'Ada Lovelace', maxLength: MAX_HOLDER_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_HOLDER_LENGTH)
  holder: string;

  @ApiProperty({ example: '4242424242424242', description: '16 digits, Luhn-valid; never stored' })
  @IsCardNumber()
  number: string;

  @ApiProperty({ example: '1230', description: '`MMYY`, not in the past' })
  @IsString()
  @IsNotExpired()
  expiry: string;

  @ApiProperty({ example: '123', description: '3 digits; never stored' })
  @IsString()
  @Matches(CVV_PATTERN, { message: 'cvv must be 3 digits' })
  cvv: string;
}

export class ChargeRequestDto implements ChargeRequest {
  @ApiProperty({ example: 129900, minimum: 1, maximum: MAX_AMOUNT, description: 'Minor units' })
  @IsAmount()
  amount: number;

  @ApiProperty({ example: 'USD', description: 'ISO 4217 code' })
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as USD' })
  currency: string;

  @ApiProperty({ type: CardDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CardDto)
  card: CardDto;

  @ApiProperty({
    example: 'order-6f1c2a4e',
    description: 'The caller’s id of what is paid; at most one paid charge per reference',
  })
  @Matches(REFERENCE_PATTERN, { message: 'reference must be 1-128 of [A-Za-z0-9._:-]' })
  reference: string;
}

export class RefundRequestDto implements RefundRequest {
  @ApiProperty({ example: 5000, minimum: 1, maximum: MAX_AMOUNT, description: 'Minor units' })
  @IsAmount()
  amount: number;
}
