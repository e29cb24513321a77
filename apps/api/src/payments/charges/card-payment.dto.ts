import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsUUID, ValidateNested } from 'class-validator';
import { IsMoneyAmount } from '@kassa/common';
import { OrderResponseDto } from '../../orders/dto/order-response.dto';
import {
  CHARGE_PURPOSES,
  CHARGE_STATUSES,
  ChargePurpose,
  ChargeStatus,
} from './schemas/card-charge.schema';
import { PaymentCardDto } from '../card.dto';

export class PayWithCardDto {
  @ApiProperty({ type: PaymentCardDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PaymentCardDto)
  card: PaymentCardDto;
}

/** `POST /order/pay/`: the requirement's route, with the order id in the body. */
export class PayOrderByBodyDto extends PayWithCardDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'orderId must be a UUID' })
  orderId: string;
}

export class TopUpDto extends PayWithCardDto {
  @ApiProperty({ example: '50.00', description: 'Taken from the card, put in the wallet' })
  @IsMoneyAmount()
  amount: string;
}

export class CardOnFileDto {
  @ApiProperty({ example: '4242' })
  last4: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  holder: string;
}

export class CardPaymentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: CHARGE_PURPOSES, example: 'order' })
  purpose: ChargePurpose;

  @ApiProperty({
    example: '6f1c1a52-3c4e-4d8e-9b7a-2f0c9a4b7d11',
    description: 'The order id, or the top-up id',
  })
  reference: string;

  @ApiProperty({ example: '129.90' })
  amount: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({
    enum: CHARGE_STATUSES,
    example: 'paid',
    description: 'processing: in doubt, settled later by the reconciler',
  })
  status: ChargeStatus;

  @ApiProperty({ type: CardOnFileDto })
  card: CardOnFileDto;

  @ApiProperty({ type: String, nullable: true })
  gatewayPaymentId: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  failure: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  settledAt: string | null;
}

export class OrderPaymentResponseDto {
  @ApiProperty({ type: CardPaymentDto, nullable: true, description: 'null for an order of 0.00' })
  payment: CardPaymentDto | null;

  @ApiProperty({ type: OrderResponseDto })
  order: OrderResponseDto;
}
