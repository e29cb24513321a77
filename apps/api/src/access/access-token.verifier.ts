import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UnauthenticatedError } from '@kassa/common';
import { AccessClaims, isAccessClaims } from './access-claims';
import { AuthUser } from './auth-user';
import { SessionRegistry } from './sessions/session-registry';

export const INVALID_TOKEN = 'Access token is invalid or expired';

/**
 * Turns an access token into its caller: signature and expiry (HS256 with the access key), the
 * claims' shape, then the session check. WebSocket handshakes and messages use it as it is; the
 * HTTP guard reaches the same checks through the passport strategy.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionRegistry,
  ) {}

  async verify(token: string): Promise<AuthUser> {
    return this.callerOf(this.signedPayload(token));
  }

  /** The caller of a payload whose signature was checked; refuses foreign shapes and revocation. */
  callerOf(payload: unknown): Promise<AuthUser> {
    if (!isAccessClaims(payload)) throw new UnauthenticatedError(INVALID_TOKEN);
    return this.sessions.callerOf(payload);
  }

  private signedPayload(token: string): AccessClaims {
    try {
      return this.jwt.verify<AccessClaims>(token);
    } catch {
      throw new UnauthenticatedError(INVALID_TOKEN);
    }
  }
}
