import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Role } from '../../access/role';
import { AuthConfig, authConfig } from '../../config/auth.config';

const REFRESH_TOKEN_BYTES = 32;

export interface AccessTokenSubject {
  userId: string;
  role: Role;
  sessionId: string;
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

/** Issues access JWTs (HS256, verified by the access kernel) and makes opaque refresh tokens. */
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
      { role: subject.role, fid: subject.sessionId },
      { subject: subject.userId, jwtid: jti, expiresIn: this.accessTtlSeconds },
    );
    return { accessToken, jti, expiresIn: this.accessTtlSeconds };
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
