import { createHmac, createSecretKey, hkdfSync, KeyObject } from 'node:crypto';

function derive(secret: string, purpose: string): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync('sha256', secret, 'kassa', purpose, 32)));
}

/**
 * Keys derived from `JWT_SECRET` for other purposes, one per purpose, so that no value computed
 * for one use can stand in for another.
 */
export class AuthKeys {
  private readonly csrf: KeyObject;
  private readonly verificationCode: KeyObject;

  constructor(jwtSecret: string) {
    this.csrf = derive(jwtSecret, 'csrf-token');
    this.verificationCode = derive(jwtSecret, 'verification-code');
  }

  /** The CSRF double-submit value bound to one refresh token. */
  csrfTokenFor(refreshToken: string): string {
    return createHmac('sha256', this.csrf).update(refreshToken).digest('base64url');
  }

  /** What is stored for a verification code: keyed, so a leaked table cannot be brute-forced. */
  verificationCodeHash(userId: string, code: string): string {
    return createHmac('sha256', this.verificationCode).update(`${userId}:${code}`).digest('hex');
  }
}
