import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { OrderStatus } from '../order-status';

/** `PUT /orders/:id` (admin): the note, and optionally a cancellation of an unpaid order. */
export class ReplaceOrderDto {
  @ApiProperty({ example: 'Customer asked for gift wrapping', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  note: string;

  @ApiPropertyOptional({
    enum: [OrderStatus.Cancelled],
    description: 'The one move an admin makes by hand: cancel a pending order (409 otherwise)',
  })
  @IsOptional()
  @IsIn([OrderStatus.Cancelled])
  status?: OrderStatus.Cancelled;
}

/** `PATCH /orders/:id` (admin): either field. Prices and lines never change. */
export class PatchOrderDto extends PartialType(ReplaceOrderDto) {}
