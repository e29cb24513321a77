import { DomainError, ErrorCode, ErrorDetail } from '@kassa/common';

/** The stored error answer of a first request, thrown again for its repeat. */
export class ReplayedError extends DomainError {
  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(code, message, details);
  }
}
