import { Inject, Injectable } from '@nestjs/common';
import {
  formatMoney,
  InsufficientStockError,
  NotFoundError,
  ProductUnavailableError,
  PromoCodeNotApplicableError,
  ValidationError,
} from '@kassa/common';
import { ProductRecord } from '../catalog/products/product.repository';
import { ProductQueryService } from '../catalog/products/product-query.service';
import { CatalogConfig, catalogConfig } from '../config/catalog.config';
import { PROMO_REFUSAL_MESSAGES, PromoRule } from '../discounts/discount-rules';
import { ProductDiscountService } from '../discounts/product-discounts/product-discount.service';
import { PromoCodeService } from '../discounts/promo-codes/promo-code.service';
import { toCartView } from './cart-view.mapper';
import { CartRecord, CartRepository } from './cart.repository';
import { MAX_LINE_QUANTITY } from './dto/cart-input.dto';
import { CartViewDto } from './dto/cart-view.dto';
import { PricedCart, priceCart, PricingLine } from './pricing/price-cart';

/** A cart priced now, with the stored cart and the promo code it was priced with. */
export interface PricedCartOf {
  cart: CartRecord | null;
  priced: PricedCart;
  promo: PromoRule | null;
}

/**
 * One cart per user: lines of products and quantities, at most one promo code, priced on every
 * read at today's prices by the pricing function that order creation uses too.
 */
@Injectable()
export class CartService {
  constructor(
    private readonly carts: CartRepository,
    private readonly products: ProductQueryService,
    private readonly discounts: ProductDiscountService,
    private readonly promoCodes: PromoCodeService,
    @Inject(catalogConfig.KEY) private readonly catalog: CatalogConfig,
  ) {}

  async view(userId: string): Promise<CartViewDto> {
    const { priced } = await this.priceFor(userId);
    return toCartView(priced, this.catalog.currency);
  }

  /**
   * The user's cart priced as of `now`, as the view and order creation see it; `withoutPromo`
   * prices it as if it had no promo code (an order whose code's last use went to another).
   */
  async priceFor(
    userId: string,
    now = new Date(),
    options: { withoutPromo?: boolean } = {},
  ): Promise<PricedCartOf> {
    const cart = await this.carts.find(userId);
    const stored =
      cart?.promoCode && !options.withoutPromo
        ? await this.promoCodes.findById(cart.promoCode.id)
        : null;
    const priced = await this.priceLines(cart?.lines ?? [], stored, userId, now);
    return { cart, priced, promo: stored };
  }

  /** Empties the cart without pricing it (an order was just made from it). */
  empty(userId: string): Promise<void> {
    return this.carts.clear(userId);
  }

  /** Adds `quantity` (or raises the line by it); the line never exceeds the stock. */
  async add(userId: string, productId: string, quantity = 1): Promise<CartViewDto> {
    const product = await this.purchasable(productId);
    const maximum = Math.min(product.stock, MAX_LINE_QUANTITY);
    if ((await this.carts.addQuantity(userId, productId, quantity, maximum)) === 'over-maximum') {
      throw this.overMaximum(product);
    }
    return this.view(userId);
  }

  /** Sets a line's quantity; 0 removes it. */
  async setQuantity(userId: string, productId: string, quantity: number): Promise<CartViewDto> {
    if (quantity === 0) return this.remove(userId, productId);
    const product = await this.purchasable(productId);
    if (quantity > product.stock) throw new InsufficientStockError(productId, product.stock);
    if (!(await this.carts.setQuantity(userId, productId, quantity))) {
      throw new NotFoundError('Cart line for product', productId);
    }
    return this.view(userId);
  }

  async remove(userId: string, productId: string): Promise<CartViewDto> {
    if (!(await this.carts.removeLine(userId, productId))) {
      throw new NotFoundError('Cart line for product', productId);
    }
    return this.view(userId);
  }

  async clear(userId: string): Promise<CartViewDto> {
    await this.carts.clear(userId);
    return this.view(userId);
  }

  /**
   * Puts a promo code on the cart if it applies now; an unknown code is a 404, a known one that
   * does not apply stays off the cart and the answer says why (422 with the reason).
   */
  async applyPromoCode(userId: string, code: string): Promise<CartViewDto> {
    const promo = await this.promoCodes.findByCode(code);
    if (!promo) throw new NotFoundError('Promo code');
    const cart = await this.carts.find(userId);
    const priced = await this.priceLines(cart?.lines ?? [], promo, userId, new Date());
    const refusal = priced.promo?.refusal;
    if (refusal) {
      throw new PromoCodeNotApplicableError(
        promo.code,
        refusal.reason,
        PROMO_REFUSAL_MESSAGES[refusal.reason],
        refusal.missingCents === undefined ? undefined : formatMoney(refusal.missingCents),
      );
    }
    await this.carts.setPromoCode(userId, { id: promo._id, code: promo.code });
    return this.view(userId);
  }

  async removePromoCode(userId: string): Promise<CartViewDto> {
    await this.carts.setPromoCode(userId, null);
    return this.view(userId);
  }

  private async priceLines(
    lines: readonly PricingLine[],
    promo: PromoRule | null,
    userId: string,
    now: Date,
  ): Promise<PricedCart> {
    const products = await this.products.findByIds(lines.map((line) => line.productId));
    const [discounts, customerUses] = await Promise.all([
      this.discounts.forProducts(products),
      promo ? this.promoCodes.usesBy(promo._id, userId) : Promise.resolve(0),
    ]);
    return priceCart({
      lines,
      products: new Map(products.map((product) => [product._id, product])),
      discounts,
      promo: promo && { rule: promo, customerUses },
      now,
    });
  }

  /** The product if it can go into a cart: 404 unknown, 422 archived or switched off. */
  private async purchasable(productId: string): Promise<ProductRecord> {
    const [product] = await this.products.findByIds([productId]);
    if (!product) throw new NotFoundError('Product', productId);
    if (product.archived) throw new ProductUnavailableError(productId, 'ARCHIVED');
    if (!product.active) throw new ProductUnavailableError(productId, 'INACTIVE');
    return product;
  }

  private overMaximum(product: ProductRecord) {
    return product.stock <= MAX_LINE_QUANTITY
      ? new InsufficientStockError(product._id, product.stock)
      : ValidationError.forField('quantity', `a cart line holds at most ${MAX_LINE_QUANTITY}`);
  }
}
