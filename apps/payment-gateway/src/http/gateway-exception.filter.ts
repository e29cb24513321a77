import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import {
  ErrorBody,
  GatewayErrorCode,
  internalErrorResponse,
  WireResponse,
} from '@kassa/payment-gateway';

/**
 * Fixed messages: a framework's own text (a JSON parser's, say) may quote the request, and a
 * request may carry a card number.
 */
const CLIENT_ERRORS: Record<number, ErrorBody['error']> = {
  [HttpStatus.NOT_FOUND]: { code: GatewayErrorCode.NotFound, message: 'No such route' },
  [HttpStatus.PAYLOAD_TOO_LARGE]: {
    code: GatewayErrorCode.InvalidRequest,
    message: 'The request body is too large',
  },
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: {
    code: GatewayErrorCode.InvalidRequest,
    message: 'The request body must be application/json',
  },
};
const UNREADABLE = {
  code: GatewayErrorCode.InvalidRequest,
  message: 'The request could not be read',
};

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const statusCode = (exception as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof statusCode === 'number' ? statusCode : undefined;
}

/**
 * What the processor does not answer itself: unknown routes, unreadable bodies and faults, in
 * the gateway's `{ error: { code, message } }` shape. Faults are logged with their stack and
 * answer a bare 500.
 */
@Catch()
export class GatewayExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: PinoLogger) {
    logger.setContext(GatewayExceptionFilter.name);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { statusCode, body } = this.describe(exception);
    void reply.status(statusCode).send(body);
  }

  private describe(exception: unknown): WireResponse {
    const status = statusOf(exception);
    if (status !== undefined && status >= 400 && status < 500) {
      const known = CLIENT_ERRORS[status];
      const error = known ?? UNREADABLE;
      this.logger.warn({ status, code: error.code }, error.message);
      return { statusCode: known ? status : HttpStatus.BAD_REQUEST, body: { error } };
    }
    this.logger.error({ err: exception }, 'Unexpected error');
    return internalErrorResponse();
  }
}
