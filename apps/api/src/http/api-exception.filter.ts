import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { describeError, ErrorResponseBody } from './error-response';

/**
 * The one place errors become responses: domain errors, Nest and Fastify errors and anything
 * unexpected all answer `{ error: { code, message, details?, requestId } }`. Client errors are
 * logged at warn; faults at error with their stack, and their details never reach the client.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: PinoLogger) {
    logger.setContext(ApiExceptionFilter.name);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const described = describeError(exception);
    if (described.fault) {
      this.logger.error({ err: exception }, 'Unexpected error');
    } else if (described.status >= 500) {
      this.logger.error({ code: described.code, cause: described.cause }, described.message);
    } else {
      this.logger.warn({ code: described.code, status: described.status }, described.message);
    }
    const body: ErrorResponseBody = {
      error: {
        code: described.code,
        message: described.message,
        ...(described.details ? { details: described.details } : {}),
        requestId: request.id,
      },
    };
    if (described.status === 401) void reply.header('WWW-Authenticate', 'Bearer');
    if (described.retryAfterSeconds !== undefined) {
      void reply.header('Retry-After', String(described.retryAfterSeconds));
    }
    void reply.status(described.status).send(body);
  }
}
