import { DomainError } from './domain-error';

/** 409: every write to an archived product is refused; it is kept only for order history. */
export class ProductArchivedError extends DomainError {
  static readonly code = 'PRODUCT_ARCHIVED';

  constructor(productId: string) {
    super(ProductArchivedError.code, `Product ${productId} is archived and can no longer change`);
  }
}
