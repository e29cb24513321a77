import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ForbiddenError,
  InsufficientFundsError,
  InvalidTransitionError,
  ListQuery,
  NotFoundError,
  Page,
  ValidationError,
} from '@kassa/common';
import { Authenticated, CustomerOwned } from '../../access/access.decorators';
import { Role } from '../../access/role';
import { AuthUser } from '../../access/auth-user';
import { CurrentUser } from '../../access/current-user.decorator';
import { ApiErrors } from '../../http/api-errors.decorator';
import { ApiListQuery } from '../../http/api-list-query.decorator';
import { IdParam } from '../../http/id-param.decorator';
import { ListQueryParam } from '../../http/list-query.param';
import { Idempotent } from '../../idempotency/idempotent.decorator';
import { CreatePaymentDto } from './dto/create-payment.dto';
import { PaymentPageDto, PaymentResponseDto } from './dto/payment-response.dto';
import { PaymentLifecycleService } from './payment-lifecycle.service';
import { ADMIN_PAYMENT_LIST_SPEC, paymentListSpecFor } from './payment-list';
import { toPaymentResponse } from './payment.mapper';
import { PaymentService } from './payment.service';

/**
 * Payments from one user to another, paid from the payer's wallet: created, then confirmed or
 * cancelled. Payer and payee see them; admins see all; anyone else gets a 404.
 */
@ApiTags('payments')
@Controller('payments')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentService,
    private readonly lifecycle: PaymentLifecycleService,
  ) {}

  @Post()
  @Authenticated()
  @Idempotent({ atomic: true })
  @ApiOperation({
    summary: 'Create a payment to another user (status created)',
    description:
      'The payee is an active user other than the caller (unknown, unverified or deactivated: ' +
      '404). The card is validated (holder 2-100 characters, 16 Luhn-valid digits, MMYY not in ' +
      'the past, 3-digit CVV) and kept only as its last four digits and holder. Nothing moves ' +
      'until the payment is confirmed.',
  })
  @ApiCreatedResponse({ type: PaymentResponseDto })
  @ApiErrors(ValidationError, NotFoundError)
  async create(
    @CurrentUser() caller: AuthUser,
    @Body() body: CreatePaymentDto,
  ): Promise<PaymentResponseDto> {
    return toPaymentResponse(await this.payments.create(caller, body));
  }

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: "Payments: the caller's as payer or payee, newest first (admins: all)",
  })
  @ApiListQuery(ADMIN_PAYMENT_LIST_SPEC, { filter: { status: 'paid' }, sort: '-createdAt' })
  @ApiOkResponse({ type: PaymentPageDto })
  @ApiErrors(ValidationError)
  async list(
    @CurrentUser() caller: AuthUser,
    @ListQueryParam(paymentListSpecFor) query: ListQuery,
  ): Promise<Page<PaymentResponseDto>> {
    const page = await this.payments.list(caller, query);
    return { ...page, items: page.items.map(toPaymentResponse) };
  }

  @Get(':id')
  @CustomerOwned()
  @ApiOperation({ summary: 'One payment (its payer, its payee or staff; others get 404)' })
  @ApiOkResponse({ type: PaymentResponseDto })
  @ApiErrors(ValidationError, NotFoundError)
  async get(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<PaymentResponseDto> {
    return toPaymentResponse(await this.payments.get(caller, id));
  }

  @Post(':id/confirm')
  @CustomerOwned(Role.Customer)
  @HttpCode(200)
  @Idempotent({ atomic: true })
  @ApiOperation({
    summary: 'Confirm a payment: move its amount from the payer to the payee (payer only)',
    description:
      "In one transaction: created → paid, the amount moved from the payer's wallet to the " +
      "payee's in the ledger, and a receipt mailed to the payer. A balance below the amount is " +
      '422 INSUFFICIENT_FUNDS: nothing moves and the payment stays created. A final state is ' +
      '409 INVALID_TRANSITION.',
  })
  @ApiOkResponse({ type: PaymentResponseDto })
  @ApiErrors(
    ValidationError,
    ForbiddenError,
    NotFoundError,
    InvalidTransitionError,
    InsufficientFundsError,
  )
  async confirmPayment(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
  ): Promise<PaymentResponseDto> {
    return toPaymentResponse(await this.lifecycle.confirm(caller, id));
  }

  @Post(':id/cancel')
  @CustomerOwned(Role.Customer, Role.Admin)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a created payment (payer or admin)',
    description: 'A paid or cancelled payment never changes: 409 INVALID_TRANSITION.',
  })
  @ApiOkResponse({ type: PaymentResponseDto })
  @ApiErrors(ValidationError, ForbiddenError, NotFoundError, InvalidTransitionError)
  async cancelPayment(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
  ): Promise<PaymentResponseDto> {
    return toPaymentResponse(await this.lifecycle.cancel(caller, id));
  }
}
