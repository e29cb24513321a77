import { CsrfTokenInvalidError } from '@kassa/common';
import { AuthKeys } from '../auth-keys';
import { presentedRefreshToken } from './csrf';

describe(presentedRefreshToken.name, () => {
  const keys = new AuthKeys('unit-test-secret-0123456789abcdef');
  const cookieToken = 'cookie-refresh-token';
  const csrf = keys.csrfTokenFor(cookieToken);

  it('prefers a token in the body and checks no CSRF header for it', () => {
    expect(presentedRefreshToken('body-token', { refreshToken: cookieToken }, keys)).toBe(
      'body-token',
    );
  });

  it('answers undefined when neither body nor cookie carries a token', () => {
    expect(presentedRefreshToken(undefined, {}, keys)).toBeUndefined();
  });

  it('takes the cookie when the header repeats the CSRF cookie', () => {
    const cookies = { refreshToken: cookieToken, csrfCookie: csrf, csrfHeader: csrf };
    expect(presentedRefreshToken(undefined, cookies, keys)).toBe(cookieToken);
  });

  it.each([
    ['no header', { csrfCookie: csrf }],
    ['no CSRF cookie', { csrfHeader: csrf }],
    ['a header that differs from the cookie', { csrfCookie: csrf, csrfHeader: `${csrf}x` }],
    ['a matching pair not bound to the token', { csrfCookie: 'chosen', csrfHeader: 'chosen' }],
  ])('refuses the cookie with %s', (_case, csrfParts) => {
    expect(() =>
      presentedRefreshToken(undefined, { refreshToken: cookieToken, ...csrfParts }, keys),
    ).toThrow(CsrfTokenInvalidError);
  });

  it('binds the CSRF value to the refresh token and the secret', () => {
    expect(keys.csrfTokenFor('another-token')).not.toBe(csrf);
    expect(new AuthKeys('another-secret-0123456789abcdef').csrfTokenFor(cookieToken)).not.toBe(
      csrf,
    );
  });
});
