import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PaymentDeclinedError, ValidationError } from '@kassa/common';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '../../access/access.decorators';
import { AuthUser } from '../../access/auth-user';
import { CurrentUser } from '../../access/current-user.decorator';
import { ApiErrors } from '../../http/api-errors.decorator';
import { RequestId } from '../../http/request-id.decorator';
import { Idempotent } from '../../idempotency/idempotent.decorator';
import { CardPaymentDto, TopUpDto } from '../charges/card-payment.dto';
import { declineOf, toCardPayment } from '../charges/card-payment.mapper';
import { TopUpService } from './top-up.service';

/** Money into the caller's wallet, from a card. */
@ApiTags('wallet')
@Authenticated()
@Controller('me/wallet/top-ups')
export class TopUpController {
  constructor(private readonly topUps: TopUpService) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Top the wallet up from a card',
    description:
      '201: charged, the wallet credited in the ledger. 202: the gateway did not answer in time; ' +
      'the reconciler settles it. 402 PAYMENT_DECLINED: refused, nothing moved.',
  })
  @ApiCreatedResponse({ type: CardPaymentDto })
  @ApiAcceptedResponse({ type: CardPaymentDto, description: 'In doubt: processing' })
  @ApiErrors(ValidationError, PaymentDeclinedError)
  async topUp(
    @CurrentUser() caller: AuthUser,
    @Body() body: TopUpDto,
    @RequestId() requestId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CardPaymentDto> {
    const charge = await this.topUps.topUp(caller.id, body.amount, body.card, requestId);
    const decline = declineOf(charge);
    if (decline) throw decline;
    if (charge.status === 'processing') void reply.status(202);
    return toCardPayment(charge);
  }
}
