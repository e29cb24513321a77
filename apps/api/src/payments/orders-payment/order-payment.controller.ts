import { applyDecorators, Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  InvalidTransitionError,
  NotFoundError,
  OrderAlreadyPaidError,
  PaymentDeclinedError,
  PaymentInProgressError,
  ValidationError,
} from '@kassa/common';
import type { FastifyReply } from 'fastify';
import { Authenticated, CustomerOwned } from '../../access/access.decorators';
import { Role } from '../../access/role';
import { AuthUser } from '../../access/auth-user';
import { CurrentUser } from '../../access/current-user.decorator';
import { ApiErrors } from '../../http/api-errors.decorator';
import { IdParam } from '../../http/id-param.decorator';
import { RequestId } from '../../http/request-id.decorator';
import { Idempotent } from '../../idempotency/idempotent.decorator';
import { toOrderResponse } from '../../orders/order.mapper';
import {
  OrderPaymentResponseDto,
  PayOrderByBodyDto,
  PayWithCardDto,
} from '../charges/card-payment.dto';
import { declineOf, toCardPayment } from '../charges/card-payment.mapper';
import { OrderPaymentOutcome, OrderPaymentService } from './order-payment.service';

/** What both payment routes share: 200 or 202, an `Idempotency-Key`, the same outcomes. */
function OrderPaymentEndpoint() {
  return applyDecorators(
    HttpCode(200),
    Idempotent(),
    ApiOkResponse({ type: OrderPaymentResponseDto, description: 'Paid' }),
    ApiAcceptedResponse({ type: OrderPaymentResponseDto, description: 'In doubt: processing' }),
    ApiErrors(
      ValidationError,
      NotFoundError,
      OrderAlreadyPaidError,
      PaymentInProgressError,
      InvalidTransitionError,
      PaymentDeclinedError,
    ),
  );
}

const DESCRIPTION =
  'Charges the card once for the order total. 200: captured, the order is paid. 202: the ' +
  'gateway did not answer in time; the payment stays `processing`, the order waits (it does not ' +
  'expire) and the reconciler settles it. 402 PAYMENT_DECLINED: refused, the order stays payable. ' +
  'Only the last four digits and the holder are kept.';

/** Paying an order by card; `POST /order/pay/` is the requirement's name, the order id in the body. */
@ApiTags('orders')
@Controller()
export class OrderPaymentController {
  constructor(private readonly payments: OrderPaymentService) {}

  @Post('orders/:id/pay')
  @CustomerOwned(Role.Customer)
  @ApiOperation({ summary: 'Pay an order by card', description: DESCRIPTION })
  @OrderPaymentEndpoint()
  async payOrder(
    @CurrentUser() caller: AuthUser,
    @IdParam() id: string,
    @Body() body: PayWithCardDto,
    @RequestId() requestId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderPaymentResponseDto> {
    return this.respond(await this.payments.pay(caller.id, id, body.card, requestId), reply);
  }

  @Post('order/pay')
  @Authenticated(Role.Customer)
  @ApiOperation({
    summary: 'Pay an order by card (the order id in the body)',
    description: DESCRIPTION,
  })
  @OrderPaymentEndpoint()
  async payOrderByBody(
    @CurrentUser() caller: AuthUser,
    @Body() body: PayOrderByBodyDto,
    @RequestId() requestId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderPaymentResponseDto> {
    const outcome = await this.payments.pay(
      caller.id,
      body.orderId.toLowerCase(),
      body.card,
      requestId,
    );
    return this.respond(outcome, reply);
  }

  private respond(outcome: OrderPaymentOutcome, reply: FastifyReply): OrderPaymentResponseDto {
    const decline = declineOf(outcome.charge);
    if (decline) throw decline;
    if (outcome.charge?.status === 'processing') void reply.status(202);
    return {
      payment: outcome.charge && toCardPayment(outcome.charge),
      order: toOrderResponse(outcome.order, false),
    };
  }
}
