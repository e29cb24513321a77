import { DomainError, ErrorDetail } from './domain-error';

/** 400: the request is malformed; `details` names each field. */
export class ValidationError extends DomainError {
  static readonly code = 'VALIDATION_FAILED';

  constructor(message?: string, details?: ErrorDetail[]) {
    super(ValidationError.code, message, details);
  }

  static forField(field: string, message: string): ValidationError {
    return new ValidationError(message, [{ field, message }]);
  }
}

/** 404: unknown, or not the caller's to see. */
export class NotFoundError extends DomainError {
  static readonly code = 'NOT_FOUND';

  constructor(resource: string, id?: string) {
    super(
      NotFoundError.code,
      id === undefined ? `${resource} not found` : `${resource} ${id} not found`,
    );
  }
}

/** 409: a unique field is taken. */
export class AlreadyExistsError extends DomainError {
  static readonly code = 'ALREADY_EXISTS';

  constructor(resource: string, field: string) {
    super(AlreadyExistsError.code, `${resource} with this ${field} already exists`);
  }
}

/** 409: still referenced, so it cannot be deleted. */
export class InUseError extends DomainError {
  static readonly code = 'IN_USE';

  constructor(resource: string, id: string) {
    super(InUseError.code, `${resource} ${id} is still in use`);
  }
}

/** 413: the body (or an uploaded file) is over its limit. */
export class PayloadTooLargeError extends DomainError {
  static readonly code = 'PAYLOAD_TOO_LARGE';

  constructor(message?: string) {
    super(PayloadTooLargeError.code, message);
  }
}

/** 414: the URL or a path parameter is over the server's limit. */
export class UriTooLongError extends DomainError {
  static readonly code = 'URI_TOO_LONG';

  constructor() {
    super(UriTooLongError.code);
  }
}

/** 431: the request's headers are over the server's limit. */
export class RequestHeadersTooLargeError extends DomainError {
  static readonly code = 'REQUEST_HEADERS_TOO_LARGE';

  constructor() {
    super(RequestHeadersTooLargeError.code);
  }
}

/** 415: the content type (or the uploaded file's real type) is not accepted. */
export class UnsupportedMediaTypeError extends DomainError {
  static readonly code = 'UNSUPPORTED_MEDIA_TYPE';

  constructor(message?: string) {
    super(UnsupportedMediaTypeError.code, message);
  }
}

/** 429: over a rate limit; `retryAfterSeconds` becomes the `Retry-After` header. */
export class RateLimitedError extends DomainError {
  static readonly code = 'RATE_LIMITED';

  constructor(
    message?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(RateLimitedError.code, message);
  }
}

/** 500: an unexpected fault; the message never reaches the client. */
export class InternalError extends DomainError {
  static readonly code = 'INTERNAL';

  constructor(message?: string) {
    super(InternalError.code, message);
  }
}

/** 503: a dependency the API needs (the database) cannot be reached right now. */
export class ServiceUnavailableError extends DomainError {
  static readonly code = 'SERVICE_UNAVAILABLE';

  constructor(message?: string) {
    super(ServiceUnavailableError.code, message);
  }
}
