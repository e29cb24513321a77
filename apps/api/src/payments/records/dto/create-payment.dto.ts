import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { IsMoneyAmount } from '@kassa/common';
import { PaymentCardDto } from '../../card.dto';

/** `POST /payments`: the caller pays another user an amount, with a card on record. */
export class CreatePaymentDto {
  @ApiProperty({ format: 'uuid', description: 'An active user other than the caller' })
  @IsUUID('all', { message: 'payeeId must be a UUID' })
  payeeId: string;

  @ApiProperty({ example: '12.50', description: 'Decimal string, 0.01 to 999999.99' })
  @IsMoneyAmount()
  amount: string;

  @ApiPropertyOptional({ example: 'USD', description: 'Optional; must be the shop currency' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency?: string;

  @ApiProperty({ type: PaymentCardDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PaymentCardDto)
  card: PaymentCardDto;
}
