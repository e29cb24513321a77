import { timingSafeEqual } from 'node:crypto';
import { CsrfTokenInvalidError } from '@kassa/common';
import { AuthKeys } from '../auth-keys';
import { CookieCredentials } from './session-tokens';

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The refresh token a request presents: the body's if it has one (a token in the body is no
 * ambient credential, so no CSRF check), else the `kassa_refresh` cookie, which is accepted only
 * with an `X-CSRF-Token` header equal to the `kassa_csrf` cookie — a value a page from another
 * origin can neither read nor forge, since it is bound to the refresh token by a keyed hash.
 */
export function presentedRefreshToken(
  bodyToken: string | undefined,
  cookies: CookieCredentials,
  keys: AuthKeys,
): string | undefined {
  if (bodyToken) return bodyToken;
  const { refreshToken, csrfCookie, csrfHeader } = cookies;
  if (!refreshToken) return undefined;
  const expected = keys.csrfTokenFor(refreshToken);
  if (!csrfHeader || !csrfCookie || !same(csrfHeader, csrfCookie) || !same(csrfHeader, expected)) {
    throw new CsrfTokenInvalidError();
  }
  return refreshToken;
}
