import { DomainError } from './domain-error';

/** 409: the order has been paid already; a second payment is refused before any charge. */
export class OrderAlreadyPaidError extends DomainError {
  static readonly code = 'ORDER_ALREADY_PAID';

  constructor(orderId: string) {
    super(OrderAlreadyPaidError.code, `Order ${orderId} is already paid`);
  }
}

/** 409: another payment of the order is being processed (or in doubt until it settles). */
export class PaymentInProgressError extends DomainError {
  static readonly code = 'PAYMENT_IN_PROGRESS';

  constructor(orderId: string) {
    super(
      PaymentInProgressError.code,
      `A payment of order ${orderId} is being processed; wait for it to settle`,
    );
  }
}

/** 402: the card was refused; `details[0].reason` says why (`card_declined`, `insufficient_funds`). */
export class PaymentDeclinedError extends DomainError {
  static readonly code = 'PAYMENT_DECLINED';

  constructor(reason: string, message: string) {
    super(PaymentDeclinedError.code, message, [{ field: 'card', message, reason }]);
  }
}
