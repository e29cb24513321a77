import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { accessTokenJwtOptions, accessTokenKey } from '../../access/access-token-key';
import { isAccessClaims } from '../../access/access-claims';
import { Role } from '../../access/role';
import { AuthConfig } from '../../config/auth.config';
import { TokenService } from './token.service';

const SECRET = 'unit-test-secret-0123456789abcdef';

function jwtWith(secret: string): JwtService {
  return new JwtService(accessTokenJwtOptions(secret));
}

function serviceWith(overrides: Partial<AuthConfig> = {}): TokenService {
  const config = { accessTokenTtlMs: 900_000, refreshTokenTtlMs: 30 * 86_400_000, ...overrides };
  return new TokenService(jwtWith(SECRET), config as AuthConfig);
}

const subject = { userId: 'user-1', role: Role.Support, sessionId: 'family-1' };

describe(TokenService.name, () => {
  describe('signAccessToken', () => {
    it('carries sub, role, jti and the session id, and says its lifetime in seconds', () => {
      const issued = serviceWith().signAccessToken(subject);
      expect(issued.expiresIn).toBe(900);
      const claims = jwtWith(SECRET).verify<Record<string, unknown>>(issued.accessToken);
      expect(isAccessClaims(claims)).toBe(true);
      expect(claims).toMatchObject({ sub: 'user-1', role: Role.Support, fid: 'family-1' });
      expect(claims.jti).toBe(issued.jti);
      expect(Number(claims.exp) - Number(claims.iat)).toBe(900);
    });

    it('gives every token its own id', () => {
      const tokens = serviceWith();
      expect(tokens.signAccessToken(subject).jti).not.toBe(tokens.signAccessToken(subject).jti);
    });

    it('signs with the secret itself as the HS256 key object', () => {
      expect(accessTokenKey(SECRET).equals(createSecretKey(Buffer.from(SECRET)))).toBe(true);
    });
  });

  describe('refresh tokens', () => {
    it('are long, random and stored only as their SHA-256', () => {
      const tokens = serviceWith();
      const now = new Date('2025-01-01T00:00:00Z');
      const first = tokens.newRefreshToken(now);
      const second = tokens.newRefreshToken(now);
      expect(first.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(first.refreshToken).not.toBe(second.refreshToken);
      expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(tokens.hashRefreshToken(first.refreshToken)).toBe(first.hash);
      expect(first.expiresAt.toISOString()).toBe('2025-01-31T00:00:00.000Z');
    });
  });
});
