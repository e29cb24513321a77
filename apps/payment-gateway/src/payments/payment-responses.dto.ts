import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DECLINE_REASONS,
  ErrorBody,
  FieldProblem,
  PaidCharge,
  PaymentView,
  Refund,
  RefundSummary,
} from '@kassa/payment-gateway';

/** The documented shapes of the gateway's answers (Swagger only; the wire mapping is the lib's). */
export class PaidChargeDto implements PaidCharge {
  @ApiProperty({ format: 'uuid' })
  paymentId: string;

  @ApiProperty({ enum: ['paid'] })
  status: 'paid';

  @ApiProperty({ example: 129900, description: 'Minor units' })
  amount: number;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ example: 'order-6f1c2a4e' })
  reference: string;

  @ApiProperty({ example: '4242' })
  cardLast4: string;

  @ApiProperty({ example: '2030-06-15T12:00:00.000Z' })
  createdAt: string;
}

export class RefundSummaryDto implements RefundSummary {
  @ApiProperty({ format: 'uuid' })
  refundId: string;

  @ApiProperty({ example: 5000 })
  amount: number;

  @ApiProperty({ example: '2030-06-16T09:30:00.000Z' })
  createdAt: string;
}

export class PaymentDto extends PaidChargeDto implements PaymentView {
  @ApiProperty({ example: 'Ada Lovelace' })
  cardHolder: string;

  @ApiProperty({ example: 5000, description: 'Sum of the refunds, never above amount' })
  refundedAmount: number;

  @ApiProperty({ type: [RefundSummaryDto] })
  refunds: RefundSummaryDto[];
}

export class RefundDto implements Refund {
  @ApiProperty({ format: 'uuid' })
  refundId: string;

  @ApiProperty({ enum: ['refunded'] })
  status: 'refunded';

  @ApiProperty({ format: 'uuid' })
  paymentId: string;

  @ApiProperty({ example: 5000 })
  amount: number;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ example: '2030-06-16T09:30:00.000Z' })
  createdAt: string;
}

class FieldProblemDto implements FieldProblem {
  @ApiProperty({ example: 'card.number' })
  field: string;

  @ApiProperty({ example: 'number must be 16 digits with a valid Luhn checksum' })
  message: string;
}

class ErrorDto {
  @ApiProperty({
    example: 'invalid_request',
    description: `A decline's reason (${DECLINE_REASONS.join(', ')}) or an error code`,
  })
  code: string;

  @ApiProperty({ example: 'The request is invalid' })
  message: string;

  @ApiPropertyOptional({ type: [FieldProblemDto] })
  details?: FieldProblemDto[];
}

export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ type: ErrorDto })
  error: ErrorDto;
}

export class DuplicateChargeBodyDto extends ErrorBodyDto {
  @ApiProperty({ format: 'uuid', description: 'The payment that already paid the reference' })
  paymentId: string;
}
