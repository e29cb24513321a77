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

/** Every secret key at the top level and up to three objects deep. */
function redactedPaths(): string[] {
  const prefixes = ['', '*.', '*.*.', '*.*.*.'];
  return prefixes.flatMap((prefix) => SECRET_KEYS.map((key) => prefix + key));
}

/** What a request line says: no headers, so no credentials and no noise. */
const serializers = {
  req: (request: { id?: unknown; method?: string; url?: string }) => ({
    id: request.id,
    method: request.method,
    url: request.url,
  }),
  res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
};

/**
 * Human-readable, one line per event, when a person runs the API in development at a terminal;
 * JSON lines everywhere else (production, tests, a pipe).
 */
function prettyInDevelopment(app: AppConfig) {
  if (app.nodeEnv !== 'development' || !process.stdout.isTTY) return {};
  return {
    transport: {
      target: 'pino-pretty',
      options: { singleLine: true, ignore: 'pid,hostname,req.id,mail', translateTime: 'HH:MM:ss' },
    },
  };
}

/**
 * One line per request (method, path, status, time) at info, warn for 4xx, error for 5xx; every
 * line made during a request carries its `requestId`; secrets are replaced before writing.
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
      serializers,
      redact: { paths: redactedPaths(), censor: '[REDACTED]' },
      ...prettyInDevelopment(app),
    },
  };
}
