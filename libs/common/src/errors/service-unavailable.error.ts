import { DomainError } from './domain-error';

/** A dependency the API needs (the database) cannot be reached right now (503). */
export class ServiceUnavailableError extends DomainError {
  constructor(message: string) {
    super('SERVICE_UNAVAILABLE', message);
  }
}
