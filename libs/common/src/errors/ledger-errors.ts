import { DomainError } from './domain-error';

/** 422: a wallet's balance is below what it should pay; nothing moved. */
export class InsufficientFundsError extends DomainError {
  static readonly code = 'INSUFFICIENT_FUNDS';

  /** `amount` is what the wallet should have paid, as money (`"12.50"`). */
  constructor(amount?: string) {
    super(
      InsufficientFundsError.code,
      amount === undefined ? undefined : `The wallet balance is below the amount of ${amount}`,
    );
  }
}
