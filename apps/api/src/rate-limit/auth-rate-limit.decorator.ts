import { SetMetadata } from '@nestjs/common';

export const AUTH_THROTTLER = 'auth';
export const AUTH_RATE_LIMIT = 'kassa:authRateLimit';

/**
 * Puts a route (or controller) under the strict auth budget (`RATE_LIMIT_AUTH_PER_MINUTE`),
 * counted per client IP and, when the JSON body names a `username` or `email`, per account too.
 * The general budget still applies.
 */
export const AuthRateLimit = () => SetMetadata(AUTH_RATE_LIMIT, true);
