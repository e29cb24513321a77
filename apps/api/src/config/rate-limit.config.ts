import { ConfigType, registerAs } from '@nestjs/config';
import { readCoreEnvironment } from './core-environment';

/** Requests per minute: for every route, and the stricter budget of the auth routes. */
export const rateLimitConfig = registerAs('rateLimit', () => {
  const env = readCoreEnvironment(process.env);
  return {
    perMinute: env.RATE_LIMIT_PER_MINUTE ?? 300,
    authPerMinute: env.RATE_LIMIT_AUTH_PER_MINUTE ?? 20,
  };
});

export type RateLimitConfig = ConfigType<typeof rateLimitConfig>;
