import { DomainError } from './domain-error';

/** 409: a state change the resource's transition table does not allow, naming both states. */
export class InvalidTransitionError extends DomainError {
  static readonly code = 'INVALID_TRANSITION';

  constructor(resource: string, from: string, to: string) {
    super(InvalidTransitionError.code, `${resource} cannot go from ${from} to ${to}`);
  }
}

/** 422: an order was asked for an empty cart. */
export class CartEmptyError extends DomainError {
  static readonly code = 'CART_EMPTY';

  constructor() {
    super(CartEmptyError.code);
  }
}

/** 409: the first request with this key is still running. */
export class IdempotencyKeyInUseError extends DomainError {
  static readonly code = 'IDEMPOTENCY_KEY_IN_USE';

  constructor(readonly retryAfterSeconds = 1) {
    super(IdempotencyKeyInUseError.code);
  }
}

/** 422: the key was first used for a different request. */
export class IdempotencyKeyReusedError extends DomainError {
  static readonly code = 'IDEMPOTENCY_KEY_REUSED';

  constructor() {
    super(IdempotencyKeyReusedError.code);
  }
}
