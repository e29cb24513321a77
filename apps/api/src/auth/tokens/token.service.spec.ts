import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { UnauthenticatedError } from '@kassa/common';
import { AuthConfig } from '../../config/auth.config';
import { Role } from '../../users/role';
import { accessTokenKey } from '../auth-keys';
import { TokenService } from './token.service';

const SECRET = 'unit-test-secret-0123456789abcdef';

function jwtWith(secret: string): JwtService {
  return new JwtService({
    secret: accessTokenKey(secret),
    signOptions: { algorithm: 'HS256' },
    verifyOptions: { algorithms: ['HS256'] },
  });
}

function serviceWith(overrides: Partial<AuthConfig> = {}, secret = SECRET): TokenService {
  const config = { accessTokenTtlMs: 900_000, refreshTokenTtlMs: 30 * 86_400_000, ...overrides };
  return new TokenService(jwtWith(secret), config as AuthConfig);
}

const subject = { userId: 'user-1', role: Role.Support, familyId: 'family-1', tokenVersion: 3 };

describe(TokenService.name, () => {
  describe('signAccessToken', () => {
    it('carries sub, role, jti, fid and the token version, and says its lifetime in seconds', () => {
      const tokens = serviceWith();
      const issued = tokens.signAccessToken(subject);
      expect(issued.expiresIn).toBe(900);
      const claims = tokens.verifyAccessToken(issued.accessToken);
      expect(claims).toMatchObject({ sub: 'user-1', role: Role.Support, fid: 'family-1', ver: 3 });
      expect(claims.jti).toBe(issued.jti);
      expect(claims.exp - claims.iat).toBe(900);
    });

    it('gives every token its own id', () => {
      const tokens = serviceWith();
      expect(tokens.signAccessToken(subject).jti).not.toBe(tokens.signAccessToken(subject).jti);
    });
  });

  describe('verifyAccessToken', () => {
    it('refuses a token signed with another secret', () => {
      const foreign = serviceWith({}, 'another-secret-0123456789abcdef').signAccessToken(subject);
      expect(() => serviceWith().verifyAccessToken(foreign.accessToken)).toThrow(
        UnauthenticatedError,
      );
    });

    it('refuses an expired token', () => {
      const expired = serviceWith({ accessTokenTtlMs: -10_000 }).signAccessToken(subject);
      expect(() => serviceWith().verifyAccessToken(expired.accessToken)).toThrow(
        'Access token is invalid or expired',
      );
    });

    it('refuses an unsigned token', () => {
      const header = Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url');
      const payload = Buffer.from(
        JSON.stringify({ sub: 'u', role: 'admin', jti: 'j', fid: 'f', ver: 0, iat: 1, exp: 9e9 }),
      ).toString('base64url');
      expect(() => serviceWith().verifyAccessToken(`${header}.${payload}.`)).toThrow(
        UnauthenticatedError,
      );
    });

    it('refuses a well-signed token without the access claims', () => {
      const jwt = jwtWith(SECRET);
      const token = jwt.sign({ role: 'root' }, { subject: 'u', expiresIn: 60 });
      expect(() => serviceWith().verifyAccessToken(token)).toThrow('Access token is invalid');
    });

    it('uses the secret itself as the HS256 key object', () => {
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
