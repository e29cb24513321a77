import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  InvalidTransitionError,
  ListQuery,
  NotFoundError,
  Page,
  ReturnNotAllowedError,
  ReturnQuantityExceededError,
  ValidationError,
} from '@kassa/common';
import { AdminOnly, CustomerOwned } from '../access/access.decorators';
import { Role } from '../access/role';
import { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/current-user.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { ApiListQuery } from '../http/api-list-query.decorator';
import { IdParam } from '../http/id-param.decorator';
import { ListQueryParam } from '../http/list-query.param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { CreateReturnDto, RejectReturnDto } from './dto/return-input.dto';
import { OrderReturnStatusDto, ReturnPageDto, ReturnResponseDto } from './dto/return-response.dto';
import { ReturnDecisionService } from './return-decision.service';
import { ORDER_RETURN_LIST_SPEC, RETURN_LIST_SPEC } from './return-list';
import { toOrderReturnStatus, toReturnResponse } from './return.mapper';
import { ReturnService } from './return.service';

const REQUEST_DESCRIPTION =
  'Only a paid or partly returned order of the caller, within RETURN_WINDOW_DAYS (14) of ' +
  'payment (409 RETURN_NOT_ALLOWED otherwise). Never more of a product than bought less what ' +
  'is returned or asked back already (422 RETURN_QUANTITY_EXCEEDED naming each product and what ' +
  'is returnable). An admin approves or rejects it; with RETURNS_AUTO_APPROVE it is approved ' +
  'and refunded at once. The refund is the units at their price after discounts, less their ' +
  'share of the promo discount, exact to the cent over all returns of the order.';

/**
 * Returns: customers ask to send back what they bought, admins decide, the refund goes back to
 * the card. `POST /order/:id/return/` and `GET /order/:id/return_status/` are the requirement's
 * names.
 */
@ApiTags('returns')
@Controller()
export class ReturnsController {
  constructor(
    private readonly returns: ReturnService,
    private readonly decisions: ReturnDecisionService,
  ) {}

  @Post(['orders/:id/returns', 'order/:id/return'])
  @CustomerOwned(Role.Customer)
  @Idempotent()
  @ApiOperation({ summary: 'Ask to return items of an order', description: REQUEST_DESCRIPTION })
  @ApiCreatedResponse({ type: ReturnResponseDto })
  @ApiErrors(ValidationError, NotFoundError, ReturnNotAllowedError, ReturnQuantityExceededError)
  async requestReturn(
    @CurrentUser() caller: AuthUser,
    @IdParam() orderId: string,
    @Body() body: CreateReturnDto,
  ): Promise<ReturnResponseDto> {
    return toReturnResponse(await this.returns.request(caller.id, orderId, body));
  }

  @Get('orders/:id/returns')
  @CustomerOwned()
  @ApiOperation({ summary: "An order's returns, oldest first (another customer's order is a 404)" })
  @ApiListQuery(ORDER_RETURN_LIST_SPEC, { filter: { status: 'requested' }, sort: 'createdAt' })
  @ApiOkResponse({ type: ReturnPageDto })
  @ApiErrors(ValidationError, NotFoundError)
  async listOrderReturns(
    @CurrentUser() caller: AuthUser,
    @IdParam() orderId: string,
    @ListQueryParam(ORDER_RETURN_LIST_SPEC) query: ListQuery,
  ): Promise<Page<ReturnResponseDto>> {
    const page = await this.returns.listForOrder(caller, orderId, query);
    return { ...page, items: page.items.map(toReturnResponse) };
  }

  @Get('order/:id/return_status')
  @CustomerOwned()
  @ApiOperation({
    summary: "Where an order stands with returns, and each return's state and amount",
  })
  @ApiOkResponse({ type: OrderReturnStatusDto })
  @ApiErrors(ValidationError, NotFoundError)
  async getOrderReturnStatus(
    @CurrentUser() caller: AuthUser,
    @IdParam() orderId: string,
  ): Promise<OrderReturnStatusDto> {
    return toOrderReturnStatus(await this.returns.statusOf(caller, orderId));
  }

  @Get('returns')
  @AdminOnly()
  @ApiOperation({ summary: 'Every return, newest first (admin)' })
  @ApiListQuery(RETURN_LIST_SPEC, { filter: { status: 'requested' }, sort: '-createdAt' })
  @ApiOkResponse({ type: ReturnPageDto })
  @ApiErrors(ValidationError)
  async list(@ListQueryParam(RETURN_LIST_SPEC) query: ListQuery): Promise<Page<ReturnResponseDto>> {
    const page = await this.returns.list(query);
    return { ...page, items: page.items.map(toReturnResponse) };
  }

  @Get('returns/:id')
  @CustomerOwned()
  @ApiOperation({ summary: "One return (another customer's is a 404)" })
  @ApiOkResponse({ type: ReturnResponseDto })
  @ApiErrors(ValidationError, NotFoundError)
  async get(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<ReturnResponseDto> {
    return toReturnResponse(await this.returns.get(caller, id));
  }

  @Post('returns/:id/approve')
  @HttpCode(200)
  @CustomerOwned(Role.Admin)
  @Idempotent()
  @ApiOperation({
    summary: 'Approve a requested return and refund it (admin)',
    description:
      'Restocks the units and sends the refund to the card. A refund the gateway does not make ' +
      'leaves the return `approved` with its failure; the reconciler tries again.',
  })
  @ApiOkResponse({ type: ReturnResponseDto })
  @ApiErrors(ValidationError, NotFoundError, InvalidTransitionError)
  async approveReturn(
    @CurrentUser() admin: AuthUser,
    @IdParam() id: string,
  ): Promise<ReturnResponseDto> {
    return toReturnResponse(await this.decisions.approve(admin.id, id));
  }

  @Post('returns/:id/reject')
  @HttpCode(200)
  @CustomerOwned(Role.Admin)
  @ApiOperation({
    summary: 'Reject a requested return, with the reason the customer is told (admin)',
  })
  @ApiOkResponse({ type: ReturnResponseDto })
  @ApiErrors(ValidationError, NotFoundError, InvalidTransitionError)
  async rejectReturn(
    @CurrentUser() admin: AuthUser,
    @IdParam() id: string,
    @Body() body: RejectReturnDto,
  ): Promise<ReturnResponseDto> {
    return toReturnResponse(await this.decisions.reject(admin.id, id, body.reason));
  }
}
