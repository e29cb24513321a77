import {
  AlreadyExistsError,
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  ValidationError,
} from './domain-error';
import { httpStatusOf } from './error-status';
import { ServiceUnavailableError } from './service-unavailable.error';

describe(httpStatusOf.name, () => {
  it.each([
    [new ValidationError('bad'), 400],
    [new UnauthenticatedError(), 401],
    [new UnauthenticatedError('wrong password', 'INVALID_CREDENTIALS'), 401],
    [new ForbiddenError('verify first', 'ACCOUNT_NOT_VERIFIED'), 403],
    [new ForbiddenError(), 403],
    [new NotFoundError('Order', 'x'), 404],
    [new AlreadyExistsError('User', 'email'), 409],
    [new ConflictError('IDEMPOTENCY_KEY_IN_USE', 'in flight'), 409],
    [new BusinessRuleError('VERIFICATION_CODE_EXPIRED', 'expired'), 400],
    [new BusinessRuleError('INSUFFICIENT_STOCK', 'sold out'), 422],
    [new BusinessRuleError('IDEMPOTENCY_KEY_REUSED', 'other body'), 422],
    [new RateLimitedError('wait', 'RESEND_TOO_SOON'), 429],
    [new ServiceUnavailableError('database down'), 503],
  ])('maps %p to %i', (error, status) => {
    expect(httpStatusOf(error)).toBe(status);
  });

  it('maps an unlisted conflict code to 409', () => {
    expect(httpStatusOf(new ConflictError('ORDER_ALREADY_PAID', 'paid'))).toBe(409);
  });

  it('maps an unlisted business rule code to 422', () => {
    expect(httpStatusOf(new BusinessRuleError('ORDER_NOT_PAYABLE', 'not payable'))).toBe(422);
  });

  it('maps an unlisted rate limit code to 429', () => {
    expect(httpStatusOf(new RateLimitedError('slow down', 'CHAT_TOO_FAST'))).toBe(429);
  });
});
