import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, ErrorCode, ErrorDetail } from '@kassa/common';
import { describeConnectivityError, isConnectivityError } from '@kassa/database';

/** The body of every error response (DESIGN.md §2). */
export interface ErrorResponseBody {
  error: { code: string; message: string; details?: ErrorDetail[]; requestId: string };
}

/** What an exception becomes on the wire; `fault` marks an unexpected failure worth a stack. */
export interface DescribedError {
  status: number;
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
  fault: boolean;
  /** Seconds a client should wait before trying again (429, 503). */
  retryAfterSeconds?: number;
  /** What the log says about the cause, when it is not the message the client sees. */
  cause?: string;
}

const DATABASE_RETRY_AFTER_SECONDS = 5;

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  [HttpStatus.BAD_REQUEST]: 'VALIDATION_FAILED',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'PAYLOAD_TOO_LARGE',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'UNSUPPORTED_MEDIA_TYPE',
  [HttpStatus.TOO_MANY_REQUESTS]: 'RATE_LIMITED',
};

const INTERNAL: DescribedError = {
  status: HttpStatus.INTERNAL_SERVER_ERROR,
  code: 'INTERNAL',
  message: 'Internal server error',
  fault: true,
};

/** Fastify's own request errors (bad JSON, too large, unknown content type) carry a 4xx. */
interface FrameworkError extends Error {
  statusCode: number;
  code?: string;
}

function isFrameworkClientError(error: unknown): error is FrameworkError {
  const statusCode = (error as FrameworkError | undefined)?.statusCode;
  return (
    error instanceof Error &&
    typeof statusCode === 'number' &&
    statusCode >= 400 &&
    statusCode < 500
  );
}

function forStatus(status: number, message: string): DescribedError {
  if (status >= 500) return INTERNAL;
  return { status, code: CODE_BY_STATUS[status] ?? 'VALIDATION_FAILED', message, fault: false };
}

function httpExceptionMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return typeof message === 'string' ? message : exception.message;
}

/** Maps whatever was thrown to a status, a documented code and a message safe to show. */
export function describeError(exception: unknown): DescribedError {
  if (exception instanceof DomainError) {
    const { status } = exception;
    if (status >= 500 && status !== HttpStatus.SERVICE_UNAVAILABLE) return INTERNAL;
    return {
      status,
      code: exception.code,
      message: exception.message,
      details: exception.details,
      fault: false,
      retryAfterSeconds: exception.retryAfterSeconds,
    };
  }
  if (exception instanceof HttpException) {
    return forStatus(exception.getStatus(), httpExceptionMessage(exception));
  }
  if (isFrameworkClientError(exception)) {
    return forStatus(exception.statusCode, exception.message);
  }
  if (isConnectivityError(exception)) {
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database cannot be reached right now; try again shortly',
      fault: false,
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      cause: describeConnectivityError(exception as Error),
    };
  }
  return INTERNAL;
}
