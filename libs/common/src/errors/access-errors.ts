import { DomainError } from './domain-error';

/** 401: no valid, unrevoked access token (or refresh token, where one is asked for). */
export class UnauthenticatedError extends DomainError {
  static readonly code = 'UNAUTHENTICATED';

  constructor(message?: string) {
    super(UnauthenticatedError.code, message);
  }
}

/** 401: login with an unknown account or a wrong password (the two are never told apart). */
export class InvalidCredentialsError extends DomainError {
  static readonly code = 'INVALID_CREDENTIALS';

  constructor() {
    super(InvalidCredentialsError.code);
  }
}

/** 403: the caller is known but may not do this. */
export class ForbiddenError extends DomainError {
  static readonly code = 'FORBIDDEN';

  constructor(message?: string) {
    super(ForbiddenError.code, message);
  }
}

/** 403: the account has not confirmed its email address yet. */
export class AccountNotVerifiedError extends DomainError {
  static readonly code = 'ACCOUNT_NOT_VERIFIED';

  constructor() {
    super(AccountNotVerifiedError.code);
  }
}

/** 403: a cookie-carried refresh token without the matching `X-CSRF-Token` header. */
export class CsrfTokenInvalidError extends DomainError {
  static readonly code = 'CSRF_TOKEN_INVALID';

  constructor() {
    super(CsrfTokenInvalidError.code);
  }
}
