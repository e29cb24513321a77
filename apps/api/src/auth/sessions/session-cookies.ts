import { createParamDecorator, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig, appConfig } from '../../config/app.config';
import { CookieCredentials, SessionTokens } from './session-tokens';

export const REFRESH_COOKIE = 'kassa_refresh';
export const CSRF_COOKIE = 'kassa_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** The refresh cookie goes only to the routes that use it: `/auth/*` and the `/refresh` alias. */
const REFRESH_COOKIE_PATHS = ['/auth', '/refresh'];

/** The refresh cookie, the CSRF cookie and the `X-CSRF-Token` header of the request. */
export const SessionCookieCredentials = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CookieCredentials => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers[CSRF_HEADER];
    return {
      refreshToken: request.cookies[REFRESH_COOKIE],
      csrfCookie: request.cookies[CSRF_COOKIE],
      csrfHeader: typeof header === 'string' ? header : undefined,
    };
  },
);

/**
 * Sets the session cookies beside the JSON answer of login and refresh: the refresh token as an
 * httpOnly, SameSite=Strict cookie on `/auth` and `/refresh`, and its CSRF companion readable by
 * the page's script (it must echo it in `X-CSRF-Token`). Both are `Secure` in production.
 */
@Injectable()
export class SessionCookieWriter {
  constructor(@Inject(appConfig.KEY) private readonly app: AppConfig) {}

  write(reply: FastifyReply, tokens: SessionTokens): void {
    const common = {
      sameSite: 'strict',
      secure: this.app.production,
      expires: tokens.refreshExpiresAt,
    } as const;
    for (const path of REFRESH_COOKIE_PATHS) {
      reply.setCookie(REFRESH_COOKIE, tokens.refreshToken, { ...common, httpOnly: true, path });
    }
    reply.setCookie(CSRF_COOKIE, tokens.csrfToken, { ...common, httpOnly: false, path: '/' });
  }

  clear(reply: FastifyReply): void {
    const common = { sameSite: 'strict', secure: this.app.production } as const;
    for (const path of REFRESH_COOKIE_PATHS) {
      reply.clearCookie(REFRESH_COOKIE, { ...common, httpOnly: true, path });
    }
    reply.clearCookie(CSRF_COOKIE, { ...common, path: '/' });
  }
}
