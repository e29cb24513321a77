/** What login and refresh hand out; `csrfToken` goes only into the readable cookie. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  /** Access-token lifetime in seconds. */
  expiresIn: number;
  refreshExpiresAt: Date;
  csrfToken: string;
}

/** The refresh cookie and its CSRF companions as a request carried them. */
export interface CookieCredentials {
  refreshToken?: string;
  csrfCookie?: string;
  csrfHeader?: string;
}
