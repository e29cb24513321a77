import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  InsufficientStockError,
  NotFoundError,
  ProductUnavailableError,
  PromoCodeNotApplicableError,
  ValidationError,
} from '@kassa/common';
import { Authenticated } from '../access/access.decorators';
import { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/current-user.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { IdParam } from '../http/id-param.decorator';
import { CartService } from './cart.service';
import {
  AddCartItemDto,
  ApplyPromoCodeDto,
  RemoveCartItemDto,
  SetCartItemQuantityDto,
} from './dto/cart-input.dto';
import { CartViewDto } from './dto/cart-view.dto';

const VIEW_DESCRIPTION =
  "Answers the whole cart priced now: every line at today's price with its best product " +
  'discount, lines that cannot be bought any more kept and marked with the reason (outside the ' +
  'totals), the promo code and its discount or the reason it gives none, and the totals.';

/**
 * The caller's cart. The requirement's routes (`POST /cart/add/`, `POST /cart`,
 * `DELETE /cart/remove/`, `DELETE /cart/:id`, `GET /cart/`, `DELETE /cart/`) are the same handlers.
 */
@ApiTags('cart')
@Authenticated()
@Controller('cart')
export class CartController {
  constructor(private readonly cart: CartService) {}

  @Get()
  @ApiOperation({ summary: 'The cart, priced now', description: VIEW_DESCRIPTION })
  @ApiOkResponse({ type: CartViewDto })
  getCart(@CurrentUser() caller: AuthUser): Promise<CartViewDto> {
    return this.cart.view(caller.id);
  }

  @Post(['items', 'add', ''])
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add a product (or raise its line)',
    description: 'quantity defaults to 1; the line never exceeds the stock. ' + VIEW_DESCRIPTION,
  })
  @ApiOkResponse({ type: CartViewDto })
  @ApiErrors(ValidationError, NotFoundError, InsufficientStockError, ProductUnavailableError)
  addItem(@CurrentUser() caller: AuthUser, @Body() body: AddCartItemDto): Promise<CartViewDto> {
    return this.cart.add(caller.id, body.productId.toLowerCase(), body.quantity);
  }

  @Patch('items/:productId')
  @ApiOperation({ summary: "Set a line's quantity (0 removes it)", description: VIEW_DESCRIPTION })
  @ApiOkResponse({ type: CartViewDto })
  @ApiErrors(ValidationError, NotFoundError, InsufficientStockError, ProductUnavailableError)
  setQuantity(
    @CurrentUser() caller: AuthUser,
    @IdParam('productId') productId: string,
    @Body() body: SetCartItemQuantityDto,
  ): Promise<CartViewDto> {
    return this.cart.setQuantity(caller.id, productId, body.quantity);
  }

  @Delete(['items/:productId', ':productId'])
  @ApiOperation({ summary: 'Remove a line', description: VIEW_DESCRIPTION })
  @ApiOkResponse({ type: CartViewDto })
  @ApiErrors(ValidationError, NotFoundError)
  removeItem(
    @CurrentUser() caller: AuthUser,
    @IdParam('productId') productId: string,
  ): Promise<CartViewDto> {
    return this.cart.remove(caller.id, productId);
  }

  @Delete('remove')
  @ApiOperation({
    summary: 'Remove a line, the product id in the body',
    description: VIEW_DESCRIPTION,
  })
  @ApiOkResponse({ type: CartViewDto })
  @ApiErrors(ValidationError, NotFoundError)
  removeItemByBody(
    @CurrentUser() caller: AuthUser,
    @Body() body: RemoveCartItemDto,
  ): Promise<CartViewDto> {
    return this.cart.remove(caller.id, body.productId.toLowerCase());
  }

  @Delete()
  @ApiOperation({ summary: 'Empty the cart (lines and promo code)', description: VIEW_DESCRIPTION })
  @ApiOkResponse({ type: CartViewDto })
  clear(@CurrentUser() caller: AuthUser): Promise<CartViewDto> {
    return this.cart.clear(caller.id);
  }

  @Post('promo-code')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Put a promo code on the cart',
    description:
      'One code per cart (a new one replaces the old). An unknown code is a 404; a known code ' +
      'that does not apply stays off the cart: 422 PROMO_CODE_NOT_APPLICABLE with details[0].reason ' +
      '(EXPIRED, NOT_YET_VALID, MINIMUM_NOT_MET with details[0].missing, USAGE_LIMIT_REACHED, ' +
      'CUSTOMER_LIMIT_REACHED, INACTIVE).',
  })
  @ApiOkResponse({ type: CartViewDto })
  @ApiErrors(ValidationError, NotFoundError, PromoCodeNotApplicableError)
  applyPromoCode(
    @CurrentUser() caller: AuthUser,
    @Body() body: ApplyPromoCodeDto,
  ): Promise<CartViewDto> {
    return this.cart.applyPromoCode(caller.id, body.code);
  }

  @Delete('promo-code')
  @ApiOperation({ summary: 'Take the promo code off the cart', description: VIEW_DESCRIPTION })
  @ApiOkResponse({ type: CartViewDto })
  removePromoCode(@CurrentUser() caller: AuthUser): Promise<CartViewDto> {
    return this.cart.removePromoCode(caller.id);
  }
}
