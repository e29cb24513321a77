import { ApiProperty } from '@nestjs/swagger';
import { PageResponseDto } from '../../../http/page-response.dto';
import { PAYMENT_STATUSES, PaymentStatus } from '../payment-status';

export class PaymentCardResponseDto {
  @ApiProperty({ example: '4242' })
  last4: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  holder: string;
}

export class PaymentResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  payerId: string;

  @ApiProperty({ format: 'uuid' })
  payeeId: string;

  @ApiProperty({ example: '12.50' })
  amount: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ type: PaymentCardResponseDto })
  card: PaymentCardResponseDto;

  @ApiProperty({ enum: PAYMENT_STATUSES, example: 'created' })
  status: PaymentStatus;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: "The card processor's id; null for wallet payments",
  })
  gatewayPaymentId: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  paidAt: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  cancelledAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class PaymentPageDto extends PageResponseDto(PaymentResponseDto) {}
