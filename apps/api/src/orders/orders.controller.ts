import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CartEmptyError,
  InsufficientStockError,
  InvalidTransitionError,
  ListQuery,
  NotFoundError,
  Page,
  ProductUnavailableError,
  ValidationError,
} from '@kassa/common';
import { Authenticated, CustomerOwned } from '../access/access.decorators';
import { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/current-user.decorator';
import { Role } from '../access/role';
import { ApiErrors } from '../http/api-errors.decorator';
import { ApiListQuery } from '../http/api-list-query.decorator';
import { IdParam } from '../http/id-param.decorator';
import { ListQueryParam } from '../http/list-query.param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { PatchOrderDto, ReplaceOrderDto } from './dto/order-changes.dto';
import { OrderPageDto, OrderResponseDto } from './dto/order-response.dto';
import { OrderCreationService } from './order-creation.service';
import { ADMIN_ORDER_LIST_SPEC, orderListSpecFor } from './order-list';
import { toOrderResponse } from './order.mapper';
import { OrderService } from './order.service';

const ONE = ['orders/:id', 'order/:id'];

/**
 * Orders: customers create them from their cart and see their own; admins see and manage all.
 * `POST /order/create/`, `POST /order` and `/order/:id` are the requirement's names.
 */
@ApiTags('orders')
@Controller()
export class OrdersController {
  constructor(
    private readonly creation: OrderCreationService,
    private readonly orders: OrderService,
  ) {}

  @Post(['orders', 'order/create', 'order'])
  @Authenticated()
  @Idempotent({ atomic: true })
  @ApiOperation({
    summary: "Order the caller's cart",
    description:
      'In one transaction: prices the cart as the cart view does, counts the promo code use, ' +
      "reserves the stock (never oversold), empties the cart and queues the admins' mail. The " +
      'order is pending until paid, and expires after ORDER_PAYMENT_TIMEOUT (30 min), giving its ' +
      'stock back.',
  })
  @ApiCreatedResponse({ type: OrderResponseDto })
  @ApiErrors(CartEmptyError, InsufficientStockError, ProductUnavailableError)
  async create(@CurrentUser() caller: AuthUser): Promise<OrderResponseDto> {
    return toOrderResponse(await this.creation.create(caller.id), caller.role === Role.Admin);
  }

  @Get('orders')
  @Authenticated()
  @ApiOperation({
    summary: "Orders: the caller's own, newest first (admins: every order, filter[customerId])",
  })
  @ApiListQuery(ADMIN_ORDER_LIST_SPEC, { filter: { status: 'pending' }, sort: '-createdAt' })
  @ApiOkResponse({ type: OrderPageDto })
  @ApiErrors(ValidationError)
  async list(
    @CurrentUser() caller: AuthUser,
    @ListQueryParam(orderListSpecFor) query: ListQuery,
  ): Promise<Page<OrderResponseDto>> {
    const page = await this.orders.list(caller, query);
    const forAdmin = caller.role === Role.Admin;
    return { ...page, items: page.items.map((order) => toOrderResponse(order, forAdmin)) };
  }

  @Get(ONE)
  @CustomerOwned()
  @ApiOperation({ summary: "One order (another customer's is a 404; staff see every order)" })
  @ApiOkResponse({ type: OrderResponseDto })
  @ApiErrors(ValidationError, NotFoundError)
  async get(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<OrderResponseDto> {
    return toOrderResponse(await this.orders.get(caller, id), caller.role === Role.Admin);
  }

  @Post('orders/:id/cancel')
  @HttpCode(200)
  @CustomerOwned(Role.Customer, Role.Admin)
  @ApiOperation({
    summary: 'Cancel an unpaid order',
    description: 'Gives the stock and the promo code use back; any other state is a 409.',
  })
  @ApiOkResponse({ type: OrderResponseDto })
  @ApiErrors(ValidationError, NotFoundError, InvalidTransitionError)
  async cancel(@CurrentUser() caller: AuthUser, @IdParam() id: string): Promise<OrderResponseDto> {
    return toOrderResponse(await this.orders.cancel(caller, id), caller.role === Role.Admin);
  }

  @Put(ONE)
  @CustomerOwned(Role.Admin)
  @ApiOperation({
    summary: "Set an order's internal note, or cancel it while unpaid (admin)",
    description:
      'Prices and lines never change; a status other than a cancellation of a pending order is refused.',
  })
  @ApiOkResponse({ type: OrderResponseDto })
  @ApiErrors(ValidationError, NotFoundError, InvalidTransitionError)
  async replace(
    @CurrentUser() admin: AuthUser,
    @IdParam() id: string,
    @Body() body: ReplaceOrderDto,
  ): Promise<OrderResponseDto> {
    return toOrderResponse(await this.orders.update(admin, id, body), true);
  }

  @Patch(ONE)
  @CustomerOwned(Role.Admin)
  @ApiOperation({
    summary: "Change an order's internal note, or cancel it while unpaid (admin)",
    description: 'Prices and lines never change.',
  })
  @ApiOkResponse({ type: OrderResponseDto })
  @ApiErrors(ValidationError, NotFoundError, InvalidTransitionError)
  async patch(
    @CurrentUser() admin: AuthUser,
    @IdParam() id: string,
    @Body() body: PatchOrderDto,
  ): Promise<OrderResponseDto> {
    return toOrderResponse(await this.orders.update(admin, id, body), true);
  }

  @Delete(ONE)
  @HttpCode(204)
  @CustomerOwned(Role.Admin)
  @ApiOperation({
    summary: 'Cancel an unpaid order (admin)',
    description: 'Financial records are never deleted: any state but pending is a 409.',
  })
  @ApiNoContentResponse({ description: 'Cancelled' })
  @ApiErrors(ValidationError, NotFoundError, InvalidTransitionError)
  delete(@CurrentUser() admin: AuthUser, @IdParam() id: string): Promise<void> {
    return this.orders.delete(admin, id);
  }
}
