import { DomainError } from './domain-error';

/** 400: a verification code that does not match (the attempts left are told). */
export class VerificationCodeInvalidError extends DomainError {
  static readonly code = 'VERIFICATION_CODE_INVALID';

  constructor(attemptsLeft?: number) {
    super(
      VerificationCodeInvalidError.code,
      attemptsLeft === undefined
        ? undefined
        : `The verification code is not valid (${attemptsLeft} attempt(s) left)`,
    );
  }
}

/** 400: the code's lifetime is over. */
export class VerificationCodeExpiredError extends DomainError {
  static readonly code = 'VERIFICATION_CODE_EXPIRED';

  constructor() {
    super(VerificationCodeExpiredError.code);
  }
}

/** 400: the code's attempts are spent. */
export class VerificationCodeLockedError extends DomainError {
  static readonly code = 'VERIFICATION_CODE_LOCKED';

  constructor() {
    super(VerificationCodeLockedError.code);
  }
}

/** 429: a code was mailed moments ago; `retryAfterSeconds` becomes `Retry-After`. */
export class ResendTooSoonError extends DomainError {
  static readonly code = 'RESEND_TOO_SOON';

  constructor(readonly retryAfterSeconds: number) {
    super(ResendTooSoonError.code);
  }
}

/** 409: the change would leave the shop without an active admin. */
export class LastAdminError extends DomainError {
  static readonly code = 'LAST_ADMIN';

  constructor() {
    super(LastAdminError.code);
  }
}
