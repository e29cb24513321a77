import { configKey } from './config-key';
import { CoreEnvironment } from './core-environment';

const MEBIBYTE = 1024 * 1024;

/** Fastify's `trustProxy`: `true`/`false`, a hop count, or the proxies' addresses. */
export type TrustProxy = boolean | number | string[];

function parseTrustProxy(value: string | undefined): TrustProxy {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((address) => address.trim());
}

function parseOrigins(value: string | undefined): string[] {
  return value ? value.split(',').map((origin) => origin.trim()) : [];
}

/** The HTTP edge: body size limit, proxies to trust, browser origins allowed by CORS. */
export function readHttpConfig(env: CoreEnvironment) {
  return {
    bodyLimitBytes: env.BODY_LIMIT_BYTES ?? MEBIBYTE,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    corsOrigins: parseOrigins(env.CORS_ORIGINS),
  };
}

export const httpConfig = configKey('http');

export type HttpConfig = ReturnType<typeof readHttpConfig>;
