import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerRequest } from '@nestjs/throttler';
import { RateLimitedError } from '@kassa/common';
import { FastifyRequest } from 'fastify';
import { AUTH_RATE_LIMIT, AUTH_THROTTLER } from './auth-rate-limit.decorator';

const ACCOUNT_FIELDS = ['username', 'email'] as const;
const MAX_ACCOUNT_LENGTH = 320;

/** The account a login-like body names, normalised; undefined when it names none. */
function accountOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  for (const field of ACCOUNT_FIELDS) {
    const value = (body as Record<string, unknown>)[field];
    if (typeof value === 'string' && value.trim() !== '' && value.length <= MAX_ACCOUNT_LENGTH) {
      return value.trim().toLowerCase();
    }
  }
  return undefined;
}

/**
 * `@nestjs/throttler`'s guard for HTTP routes (WebSocket gateways limit their own messages), with
 * the auth budget applied only to routes marked `@AuthRateLimit()`, and there counted twice:
 * per IP and per named account.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http';
  }

  protected async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    if (request.throttler.name !== AUTH_THROTTLER) return super.handleRequest(request);
    const { context } = request;
    const marked = this.reflector.getAllAndOverride<boolean>(AUTH_RATE_LIMIT, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!marked) return true;
    await super.handleRequest(request);
    const account = accountOf(context.switchToHttp().getRequest<FastifyRequest>().body);
    if (account !== undefined) {
      await super.handleRequest({ ...request, getTracker: () => `account:${account}` });
    }
    return true;
  }

  /** Over the limit: 429 `RATE_LIMITED` with a standard `Retry-After` (seconds). */
  protected async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new RateLimitedError(undefined, Math.max(1, Math.ceil(detail.timeToBlockExpire)));
  }
}
