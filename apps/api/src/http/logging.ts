import { IncomingMessage, ServerResponse } from 'node:http';
import { Params } from 'nestjs-pino';
import { AppConfig } from '../config/app.config';

const SECRET_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'jwtSecret',
  'cardNumber',
  'cvv',
  'card.number',
];

const SECRET_HEADERS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/** Every secret key at the top level and up to three objects deep. */
function redactedPaths(): string[] {
  const prefixes = ['', '*.', '*.*.', '*.*.*.'];
  return [
    ...SECRET_HEADERS,
    ...prefixes.flatMap((prefix) => SECRET_KEYS.map((key) => prefix + key)),
  ];
}

/**
 * JSON logs to stdout: one line per request at info (warn for 4xx, error for 5xx), every line
 * made during a request carries its `requestId`, and secrets are replaced before writing.
 */
export function loggerParams(app: AppConfig): Params {
  return {
    pinoHttp: {
      level: app.logLevel,
      customProps: (request: IncomingMessage) => ({ requestId: request.id }),
      customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) => {
        if (error || response.statusCode >= 500) return 'error';
        return response.statusCode >= 400 ? 'warn' : 'info';
      },
      redact: { paths: redactedPaths(), censor: '[REDACTED]' },
    },
  };
}
