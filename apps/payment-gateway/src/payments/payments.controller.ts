import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiHeader,
  ApiInternalServerErrorResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPaymentRequiredResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import {
  ChargeRequestDto,
  GatewayAnswer,
  IDEMPOTENCY_KEY_HEADER,
  PaymentProcessor,
  RefundRequestDto,
  toWireResponse,
} from '@kassa/payment-gateway';
import {
  DuplicateChargeBodyDto,
  ErrorBodyDto,
  PaidChargeDto,
  PaymentDto,
  RefundDto,
} from './payment-responses.dto';

const IDEMPOTENCY_KEY = {
  name: IDEMPOTENCY_KEY_HEADER,
  required: true,
  description: 'Same key + same request replays the first answer; 1–255 printable characters',
};
const RETRY_WITH_SAME_KEY = 'The processor failed; nothing happened; retry with the same key';

/** Sends an answer as the lib maps it to HTTP, so in-process and HTTP callers see the same. */
function send(reply: FastifyReply, answer: GatewayAnswer): void {
  const { statusCode, body } = toWireResponse(answer);
  void reply.status(statusCode).send(body);
}

/**
 * HTTP over the processor, nothing more: the processor validates every input (class-validator
 * DTOs of the lib) and decides every answer.
 */
@ApiTags('payments')
@Controller('payments')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'Invalid request (`details` per field)' })
@ApiInternalServerErrorResponse({ type: ErrorBodyDto, description: RETRY_WITH_SAME_KEY })
export class PaymentsController {
  constructor(private readonly processor: PaymentProcessor) {}

  @Post()
  @ApiOperation({ summary: 'Charge a card for a reference' })
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiBody({ type: ChargeRequestDto })
  @ApiOkResponse({ type: PaidChargeDto, description: 'Paid' })
  @ApiPaymentRequiredResponse({
    type: ErrorBodyDto,
    description: 'Declined: `card_declined` or `insufficient_funds`',
  })
  @ApiConflictResponse({
    type: DuplicateChargeBodyDto,
    description:
      '`duplicate_charge`: the reference is paid (its `paymentId`); or `idempotency_key_in_use`',
  })
  async charge(
    @Body() body: unknown,
    @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKey: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    send(reply, await this.processor.charge(body, idempotencyKey));
  }

  @Get()
  @ApiOperation({ summary: 'The paid charge of a reference, with its refunds' })
  @ApiQuery({ name: 'reference', required: true, example: 'order-6f1c2a4e' })
  @ApiOkResponse({ type: PaymentDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: '`payment_not_found`' })
  async findByReference(
    @Query('reference') reference: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    send(reply, await this.processor.findByReference(reference));
  }

  @Get(':paymentId')
  @ApiOperation({ summary: 'A payment by id, with its refunds' })
  @ApiOkResponse({ type: PaymentDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: '`payment_not_found`' })
  async findPayment(
    @Param('paymentId') paymentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    send(reply, await this.processor.findPayment(paymentId));
  }

  @Post(':paymentId/refunds')
  @ApiOperation({ summary: 'Refund part or all of a payment' })
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiBody({ type: RefundRequestDto })
  @ApiOkResponse({ type: RefundDto, description: 'Refunded' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: '`payment_not_found`' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: '`idempotency_key_in_use`' })
  async refund(
    @Param('paymentId') paymentId: string,
    @Body() body: unknown,
    @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKey: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    send(reply, await this.processor.refund(paymentId, body, idempotencyKey));
  }
}
