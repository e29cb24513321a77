import { Injectable } from '@nestjs/common';
import { UnauthenticatedError } from '@kassa/common';
import { UserStatus } from '../../users/user-status';
import { UsersRepository } from '../../users/users.repository';
import { AuthUser } from '../auth-user';
import { DeniedAccessTokenRepository } from '../sessions/denied-access-token.repository';
import { TokenService } from '../tokens/token.service';

/**
 * Turns a bearer token into the caller, for HTTP guards and WebSocket handshakes alike.
 *
 * Besides the signature and expiry, every call checks the denylist (logout) and the owner's
 * current state (exists, active, same token version). These two lookups run in parallel, each a
 * point read by `_id`, and are not cached: a cache would let a revoked token (password change,
 * role change, deactivation, deletion, logout on another instance) keep working for the cache's
 * lifetime, which is the very window revocation exists to close.
 */
@Injectable()
export class AccessTokenAuthenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly deniedTokens: DeniedAccessTokenRepository,
    private readonly users: UsersRepository,
  ) {}

  async authenticate(accessToken: string): Promise<AuthUser> {
    const claims = this.tokens.verifyAccessToken(accessToken);
    const [denied, owner] = await Promise.all([
      this.deniedTokens.isDenied(claims.jti),
      this.users.findSessionState(claims.sub),
    ]);
    if (
      denied ||
      !owner ||
      owner.status !== UserStatus.Active ||
      owner.tokenVersion !== claims.ver
    ) {
      throw new UnauthenticatedError('Access token has been revoked');
    }
    return { id: claims.sub, role: owner.role, jti: claims.jti, fid: claims.fid, exp: claims.exp };
  }
}
