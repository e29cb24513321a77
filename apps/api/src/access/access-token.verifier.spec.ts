import { JwtService } from '@nestjs/jwt';
import { UnauthenticatedError } from '@kassa/common';
import { AccessClaims } from './access-claims';
import { accessTokenJwtOptions } from './access-token-key';
import { AccessTokenVerifier } from './access-token.verifier';
import { Role } from './role';
import { SessionRegistry } from './sessions/session-registry';

const SECRET = 'unit-test-secret-0123456789abcdef';

function jwtWith(secret: string): JwtService {
  return new JwtService(accessTokenJwtOptions(secret));
}

function sign(payload: object, options: { secret?: string; expiresIn?: number } = {}) {
  return jwtWith(options.secret ?? SECRET).sign(payload, {
    subject: 'user-1',
    jwtid: 'jti-1',
    expiresIn: options.expiresIn ?? 60,
  });
}

describe(AccessTokenVerifier.name, () => {
  const liveSessions = new Set(['session-1']);
  const sessions = {
    callerOf: async (claims: AccessClaims) => {
      if (!liveSessions.has(claims.fid)) throw new UnauthenticatedError('revoked');
      return {
        id: claims.sub,
        role: Role.Admin,
        jti: claims.jti,
        fid: claims.fid,
        exp: claims.exp,
      };
    },
  } as unknown as SessionRegistry;
  const verifier = new AccessTokenVerifier(jwtWith(SECRET), sessions);

  it('names the caller of a valid token of a live session, with the session role', async () => {
    const token = sign({ role: Role.Customer, fid: 'session-1' });
    await expect(verifier.verify(token)).resolves.toMatchObject({
      id: 'user-1',
      role: Role.Admin,
      fid: 'session-1',
    });
  });

  it('refuses a token of an ended session', async () => {
    const token = sign({ role: Role.Customer, fid: 'session-2' });
    await expect(verifier.verify(token)).rejects.toThrow(UnauthenticatedError);
  });

  it('refuses a token signed with another secret', async () => {
    const token = sign({ role: Role.Customer, fid: 'session-1' }, { secret: 'x'.repeat(32) });
    await expect(verifier.verify(token)).rejects.toThrow('Access token is invalid or expired');
  });

  it('refuses an expired token', async () => {
    const token = sign({ role: Role.Customer, fid: 'session-1' }, { expiresIn: -10 });
    await expect(verifier.verify(token)).rejects.toThrow(UnauthenticatedError);
  });

  it('refuses an unsigned token', async () => {
    const header = Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'u', role: 'admin', jti: 'j', fid: 'session-1', iat: 1, exp: 9e9 }),
    ).toString('base64url');
    await expect(verifier.verify(`${header}.${payload}.`)).rejects.toThrow(UnauthenticatedError);
  });

  it('refuses a well-signed token without the access claims', async () => {
    await expect(verifier.verify(sign({ role: 'root' }))).rejects.toThrow(UnauthenticatedError);
  });
});
