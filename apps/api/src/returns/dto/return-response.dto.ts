import { ApiProperty } from '@nestjs/swagger';
import { PageResponseDto } from '../../http/page-response.dto';
import { RETURN_STATUSES, ReturnStatus } from '../return-status';

export class ReturnItemResponseDto {
  @ApiProperty({ format: 'uuid' })
  productId: string;

  @ApiProperty({ example: 'Player Stratocaster' })
  model: string;

  @ApiProperty({ example: 1 })
  quantity: number;

  @ApiProperty({
    example: '27.88',
    description: 'What these units give back: their price after discounts, less their promo share',
  })
  refund: string;
}

export class ReturnRefundDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'rf_6b0c1e',
    description: "The gateway's id",
  })
  gatewayRefundId: string | null;

  @ApiProperty({ example: 0, description: 'Attempts that did not refund' })
  failedAttempts: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'unknown: gateway_error: processing_error',
    description: 'Why the last attempt did not refund; the reconciler tries again',
  })
  failure: string | null;
}

export class ReturnHistoryEntryDto {
  @ApiProperty({ enum: RETURN_STATUSES, example: 'requested' })
  status: ReturnStatus;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ example: 'system', description: 'A user id, or `system`' })
  by: string;
}

export class ReturnResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  orderId: string;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ enum: RETURN_STATUSES, example: 'requested' })
  status: ReturnStatus;

  @ApiProperty({ type: [ReturnItemResponseDto] })
  items: ReturnItemResponseDto[];

  @ApiProperty({ example: 'The neck is warped' })
  reason: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  rejectionReason: string | null;

  @ApiProperty({
    example: '27.88',
    description: 'The refund: priced when asked, exact to the cent once approved',
  })
  amount: string;

  @ApiProperty({ example: 'USD' })
  currency: string;

  @ApiProperty({ type: ReturnRefundDto })
  refund: ReturnRefundDto;

  @ApiProperty({ type: [ReturnHistoryEntryDto] })
  history: ReturnHistoryEntryDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ReturnPageDto extends PageResponseDto(ReturnResponseDto) {}

export class ReturnSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: RETURN_STATUSES, example: 'refunded' })
  status: ReturnStatus;

  @ApiProperty({ example: '27.88' })
  amount: string;

  @ApiProperty({ example: 'USD' })
  currency: string;
}

export class OrderReturnStatusDto {
  @ApiProperty({ format: 'uuid' })
  orderId: string;

  @ApiProperty({
    enum: ['none', 'requested', 'partially_returned', 'returned'],
    example: 'requested',
    description:
      '`returned`: everything bought was refunded; `partially_returned`: some of it; ' +
      '`requested`: a return awaits its decision or refund; `none`: nothing asked back',
  })
  status: 'none' | 'requested' | 'partially_returned' | 'returned';

  @ApiProperty({ type: [ReturnSummaryDto] })
  returns: ReturnSummaryDto[];
}
