import { configKey } from './config-key';
import { CoreEnvironment } from './core-environment';
import { parseDurationMs } from './environment-parsing';

export const rateLimitConfig = configKey('rateLimit');

/**
 * Requests per minute: for every route, and the stricter budget of the auth routes; and how the
 * counts of an instance meet the shared ones in MongoDB (see `MongoThrottlerStorage`).
 */
export function readRateLimitConfig(env: CoreEnvironment) {
  return {
    perMinute: env.RATE_LIMIT_PER_MINUTE ?? 300,
    authPerMinute: env.RATE_LIMIT_AUTH_PER_MINUTE ?? 20,
    syncHits: env.RATE_LIMIT_SYNC_HITS ?? 10,
    syncIntervalMs: parseDurationMs(env.RATE_LIMIT_SYNC_INTERVAL ?? '20ms'),
  };
}

export type RateLimitConfig = ReturnType<typeof readRateLimitConfig>;
