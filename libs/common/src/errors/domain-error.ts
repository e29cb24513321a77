import { ERROR_CATALOGUE, ErrorCode } from './error-catalogue';

/**
 * One field-level problem: `{ field: "price", message: "..." }`, with machine-readable extras
 * where a client can act on them: `reason` (e.g. `MINIMUM_NOT_MET`), `available` (a quantity),
 * `missing` (an amount still needed, as money).
 */
export interface ErrorDetail {
  field: string;
  message: string;
  reason?: string;
  available?: number;
  missing?: string;
  productId?: string;
}

/**
 * Base class of every error a service may throw: a code from the catalogue (which decides the
 * HTTP status), a message safe to show, and field details for validation errors. Each subclass
 * names its code in a static `code`, so Swagger examples are generated from the classes.
 */
export abstract class DomainError extends Error {
  /** Seconds a client should wait before trying again; sent as `Retry-After`. */
  readonly retryAfterSeconds?: number;

  protected constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CATALOGUE[code].message,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }
}

/** A class of domain error, as `@ApiErrors(NotFoundError, …)` takes it. */
export interface DomainErrorClass {
  readonly code: ErrorCode;
  readonly name: string;
}
