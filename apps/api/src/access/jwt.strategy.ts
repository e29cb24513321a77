import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthConfig, authConfig } from '../config/auth.config';
import { ACCESS_TOKEN_ALGORITHMS, accessTokenKey } from './access-token-key';
import { AccessTokenVerifier } from './access-token.verifier';
import { AuthUser } from './auth-user';

export const JWT_STRATEGY = 'jwt';

/**
 * The bearer check of HTTP requests: passport-jwt reads `Authorization: Bearer <token>` (the
 * scheme in any case) and verifies it with the HS256 `KeyObject` — jsonwebtoken takes a
 * `KeyObject` although passport-jwt's typings only name strings and buffers — then `validate`
 * applies the session check shared with WebSocket handshakes.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, JWT_STRATEGY) {
  constructor(
    @Inject(authConfig.KEY) config: AuthConfig,
    private readonly verifier: AccessTokenVerifier,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: accessTokenKey(config.jwtSecret) as unknown as Buffer,
      algorithms: ACCESS_TOKEN_ALGORITHMS,
      ignoreExpiration: false,
    });
  }

  validate(payload: unknown): Promise<AuthUser> {
    return this.verifier.callerOf(payload);
  }
}
