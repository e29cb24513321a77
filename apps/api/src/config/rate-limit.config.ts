import { configKey } from './config-key';
import { CoreEnvironment } from './core-environment';

export const rateLimitConfig = configKey('rateLimit');

/** Requests per minute: for every route, and the stricter budget of the auth routes. */
export function readRateLimitConfig(env: CoreEnvironment) {
  return {
    perMinute: env.RATE_LIMIT_PER_MINUTE ?? 300,
    authPerMinute: env.RATE_LIMIT_AUTH_PER_MINUTE ?? 20,
  };
}

export type RateLimitConfig = ReturnType<typeof readRateLimitConfig>;
