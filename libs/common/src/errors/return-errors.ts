import { DomainError } from './domain-error';

/** Why an order takes no return now; `details[0].reason`. */
export type ReturnRefusalReason = 'NOT_PAID' | 'FULLY_RETURNED' | 'WINDOW_CLOSED';

const REFUSALS: Record<ReturnRefusalReason, string> = {
  NOT_PAID: 'has not been paid',
  FULLY_RETURNED: 'has been returned in full',
  WINDOW_CLOSED: 'was paid longer ago than returns are taken',
};

/** 409: the order takes no return now (unpaid, returned in full, or past the return window). */
export class ReturnNotAllowedError extends DomainError {
  static readonly code = 'RETURN_NOT_ALLOWED';

  constructor(orderId: string, reason: ReturnRefusalReason) {
    const message = `Order ${orderId} ${REFUSALS[reason]}`;
    super(ReturnNotAllowedError.code, message, [{ field: 'orderId', message, reason }]);
  }
}

/**
 * 422: a return asks for more of a product than can still be returned (bought, less what is
 * returned or asked back already), or for a product the order does not have; `details` name each
 * product (`field`: `items[i].quantity`) and what is returnable (`available`).
 */
export class ReturnQuantityExceededError extends DomainError {
  static readonly code = 'RETURN_QUANTITY_EXCEEDED';

  constructor(excess: ReadonlyArray<{ index: number; productId: string; returnable: number }>) {
    super(
      ReturnQuantityExceededError.code,
      excess
        .map(({ productId, returnable }) => `${returnable} of product ${productId} can be returned`)
        .join('; '),
      excess.map(({ index, productId, returnable }) => ({
        field: `items[${index}].quantity`,
        message: `Only ${returnable} of product ${productId} can be returned`,
        reason: returnable === 0 ? 'NOTHING_RETURNABLE' : 'RETURN_QUANTITY_EXCEEDED',
        available: returnable,
        productId,
      })),
    );
  }
}
