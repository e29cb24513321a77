/** One field-level problem in a validation error: `{ field: "price", message: "..." }`. */
export interface ErrorDetail {
  field: string;
  message: string;
}

/**
 * Base class of every error a service may throw. The code is the stable, documented error code
 * of the API (DESIGN.md §2); the global exception filter maps it to an HTTP status.
 */
export abstract class DomainError extends Error {
  protected constructor(
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details?: ErrorDetail[]) {
    super('VALIDATION_FAILED', message, details);
  }

  static forField(field: string, message: string): ValidationError {
    return new ValidationError(message, [{ field, message }]);
  }
}

export class NotFoundError extends DomainError {
  constructor(resource: string, id?: string) {
    super('NOT_FOUND', id === undefined ? `${resource} not found` : `${resource} ${id} not found`);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication required', code = 'UNAUTHENTICATED') {
    super(code, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Not allowed', code = 'FORBIDDEN') {
    super(code, message);
  }
}

/** A state conflict or duplicate (409): `ALREADY_EXISTS`, `IN_USE`, `IDEMPOTENCY_KEY_IN_USE`, ... */
export class ConflictError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message);
  }
}

export class AlreadyExistsError extends ConflictError {
  constructor(resource: string, field: string) {
    super('ALREADY_EXISTS', `${resource} with this ${field} already exists`);
  }
}

export class InUseError extends ConflictError {
  constructor(resource: string, id: string) {
    super('IN_USE', `${resource} ${id} is still in use`);
  }
}

export class InvalidTransitionError extends ConflictError {
  constructor(resource: string, from: string, to: string) {
    super('INVALID_TRANSITION', `${resource} cannot go from ${from} to ${to}`);
  }
}

/** A business rule refused the request (422 unless the code maps elsewhere): `INSUFFICIENT_STOCK`, ... */
export class BusinessRuleError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message);
  }
}

/** Too many requests (429): `RATE_LIMITED`, `RESEND_TOO_SOON`. */
export class RateLimitedError extends DomainError {
  constructor(message = 'Too many requests', code = 'RATE_LIMITED') {
    super(code, message);
  }
}
