import { IncomingMessage, ServerResponse } from 'node:http';
import { Params } from 'nestjs-pino';
import { LogLevel } from '../config/gateway-config';

/**
 * JSON logs to stdout: one line per request (warn for 4xx, error for 5xx) with its request id.
 * Bodies are never logged, so neither are card numbers and CVVs.
 */
export function loggerParams(level: LogLevel): Params {
  return {
    pinoHttp: {
      level,
      customProps: (request: IncomingMessage) => ({ requestId: request.id }),
      customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) => {
        if (error || response.statusCode >= 500) return 'error';
        return response.statusCode >= 400 ? 'warn' : 'info';
      },
    },
  };
}
