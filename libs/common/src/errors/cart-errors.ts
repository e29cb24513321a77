import { DomainError } from './domain-error';

/** 422: more than is in stock; `details[0].available` says how many can be had. */
export class InsufficientStockError extends DomainError {
  static readonly code = 'INSUFFICIENT_STOCK';

  constructor(productId: string, available: number) {
    const message = `Only ${available} of product ${productId} can be had`;
    super(InsufficientStockError.code, message, [
      { field: 'quantity', message, reason: 'INSUFFICIENT_STOCK', available },
    ]);
  }
}

/** Why a product cannot be bought: it is switched off, or archived (deleted from the catalog). */
export type ProductUnavailableReason = 'INACTIVE' | 'ARCHIVED';

/** 422: the product exists but cannot be bought; `details[0].reason` says why. */
export class ProductUnavailableError extends DomainError {
  static readonly code = 'PRODUCT_UNAVAILABLE';

  constructor(productId: string, reason: ProductUnavailableReason) {
    const message =
      reason === 'ARCHIVED'
        ? `Product ${productId} has been removed from the catalog`
        : `Product ${productId} is not for sale at the moment`;
    super(ProductUnavailableError.code, message, [{ field: 'productId', message, reason }]);
  }
}

/** Why a known promo code does not apply to a cart. */
export type PromoRefusalReason =
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'MINIMUM_NOT_MET'
  | 'USAGE_LIMIT_REACHED'
  | 'CUSTOMER_LIMIT_REACHED'
  | 'INACTIVE';

/** 422: a known promo code that does not apply; `details[0].reason` (and `missing`) say why. */
export class PromoCodeNotApplicableError extends DomainError {
  static readonly code = 'PROMO_CODE_NOT_APPLICABLE';

  constructor(code: string, reason: PromoRefusalReason, message: string, missing?: string) {
    super(PromoCodeNotApplicableError.code, `Promo code ${code} does not apply: ${message}`, [
      { field: 'code', message, reason, ...(missing !== undefined && { missing }) },
    ]);
  }
}
