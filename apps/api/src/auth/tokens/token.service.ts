import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UnauthenticatedError } from '@kassa/common';
import { AuthConfig, authConfig } from '../../config/auth.config';
import { Role, ROLES } from '../../users/role';
import { AccessClaims } from './access-claims';

const REFRESH_TOKEN_BYTES = 32;

export interface AccessTokenSubject {
  userId: string;
  role: Role;
  familyId: string;
  tokenVersion: number;
}

export interface IssuedAccessToken {
  accessToken: string;
  jti: string;
  /** Lifetime in seconds. */
  expiresIn: number;
}

export interface IssuedRefreshToken {
  refreshToken: string;
  hash: string;
  expiresAt: Date;
}

function isAccessClaims(
  payload: Record<string, unknown>,
): payload is Record<string, unknown> & AccessClaims {
  return (
    typeof payload.sub === 'string' &&
    typeof payload.jti === 'string' &&
    typeof payload.fid === 'string' &&
    typeof payload.ver === 'number' &&
    typeof payload.exp === 'number' &&
    typeof payload.iat === 'number' &&
    ROLES.includes(payload.role as Role)
  );
}

/** Issues and checks access JWTs (HS256) and makes opaque refresh tokens. */
@Injectable()
export class TokenService {
  private readonly accessTtlSeconds: number;

  constructor(
    private readonly jwt: JwtService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {
    this.accessTtlSeconds = Math.floor(config.accessTokenTtlMs / 1000);
  }

  signAccessToken(subject: AccessTokenSubject): IssuedAccessToken {
    const jti = randomUUID();
    const accessToken = this.jwt.sign(
      { role: subject.role, fid: subject.familyId, ver: subject.tokenVersion },
      { subject: subject.userId, jwtid: jti, expiresIn: this.accessTtlSeconds },
    );
    return { accessToken, jti, expiresIn: this.accessTtlSeconds };
  }

  /** The claims of a valid, unexpired token signed by us; anything else is unauthenticated. */
  verifyAccessToken(token: string): AccessClaims {
    let payload: Record<string, unknown>;
    try {
      payload = this.jwt.verify<Record<string, unknown>>(token);
    } catch {
      throw new UnauthenticatedError('Access token is invalid or expired');
    }
    if (!isAccessClaims(payload)) throw new UnauthenticatedError('Access token is invalid');
    return payload;
  }

  newRefreshToken(now: Date): IssuedRefreshToken {
    const refreshToken = randomBytes(REFRESH_TOKEN_BYTES).toString('base64url');
    return {
      refreshToken,
      hash: this.hashRefreshToken(refreshToken),
      expiresAt: new Date(now.getTime() + this.config.refreshTokenTtlMs),
    };
  }

  hashRefreshToken(refreshToken: string): string {
    return createHash('sha256').update(refreshToken).digest('hex');
  }
}
