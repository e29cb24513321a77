import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ForbiddenError, UnauthenticatedError } from '@kassa/common';
import { TransactionRunner } from '@kassa/database';
import { ClientSession } from 'mongoose';
import { PasswordHasher } from '../../users/password-hasher';
import { UserRecord, UserSessionState } from '../../users/user.record';
import { UserStatus } from '../../users/user-status';
import { UsersRepository } from '../../users/users.repository';
import { AuthUser } from '../auth-user';
import { AuthKeys } from '../auth-keys';
import { IssuedRefreshToken, TokenService } from '../tokens/token.service';
import { presentedRefreshToken } from './csrf';
import { DeniedAccessTokenRepository } from './denied-access-token.repository';
import { RefreshTokenRepository } from './refresh-token.repository';
import { CookieCredentials, SessionTokens } from './session-tokens';
import { TokenFamilyRepository } from './token-family.repository';

export interface LoginInput {
  username?: string;
  email?: string;
  password: string;
}

export interface LogoutInput {
  caller?: AuthUser;
  refreshToken?: string;
  cookies: CookieCredentials;
}

const INVALID_REFRESH = 'Refresh token is invalid, expired, revoked or already used';

/**
 * Login sessions: a login starts a refresh-token family; each refresh rotates the token within
 * it; presenting a rotated token again revokes the family; logout revokes it and denies the
 * caller's access token until it expires.
 */
@Injectable()
export class SessionService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SessionService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly keys: AuthKeys,
    private readonly families: TokenFamilyRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly deniedTokens: DeniedAccessTokenRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  /** Prepares the decoy hash so the first login of an unknown user costs no more than others. */
  async onApplicationBootstrap(): Promise<void> {
    await this.hasher.verifyDecoy('');
  }

  /**
   * Unknown user and wrong password get the same answer after the same work (a decoy hash is
   * checked when no user matches); only the right password learns the account's status.
   */
  async login(input: LoginInput): Promise<SessionTokens> {
    const user = input.username
      ? await this.users.findByUsername(input.username)
      : await this.users.findByEmail(input.email ?? '');
    const passwordMatches = user
      ? await this.hasher.verify(input.password, user.passwordHash)
      : await this.hasher.verifyDecoy(input.password);
    if (!user || !passwordMatches) {
      throw new UnauthenticatedError('Invalid username, email or password', 'INVALID_CREDENTIALS');
    }
    if (user.status === UserStatus.Unverified) {
      throw new ForbiddenError(
        'Verify your email address before logging in',
        'ACCOUNT_NOT_VERIFIED',
      );
    }
    if (user.status === UserStatus.Deactivated) {
      throw new ForbiddenError('This account is deactivated');
    }
    return this.startFamily(user);
  }

  async refresh(bodyToken: string | undefined, cookies: CookieCredentials): Promise<SessionTokens> {
    const refreshToken = presentedRefreshToken(bodyToken, cookies, this.keys);
    if (!refreshToken) throw new UnauthenticatedError('A refresh token is required');
    const now = new Date();
    const hash = this.tokens.hashRefreshToken(refreshToken);
    const rotated = await this.transactions.run((session) => this.rotate(hash, now, session));
    if (rotated) return rotated;
    await this.revokeFamilyOfReusedToken(hash, now);
    throw new UnauthenticatedError(INVALID_REFRESH);
  }

  async logout(input: LogoutInput): Promise<void> {
    const now = new Date();
    const refreshToken = presentedRefreshToken(input.refreshToken, input.cookies, this.keys);
    const known = refreshToken
      ? await this.refreshTokens.find(this.tokens.hashRefreshToken(refreshToken))
      : null;
    if (!input.caller && !known) {
      throw new UnauthenticatedError('Log out with an access token or a refresh token');
    }
    const { caller } = input;
    await this.transactions.run(async (session) => {
      if (caller) {
        await this.deniedTokens.deny(caller.jti, new Date(caller.exp * 1000), session);
        await this.families.revoke(caller.fid, now, session);
      }
      if (known) await this.families.revoke(known.familyId, now, session);
    });
  }

  private startFamily(user: UserRecord): Promise<SessionTokens> {
    const now = new Date();
    return this.transactions.run(async (session) => {
      const refresh = this.tokens.newRefreshToken(now);
      const family = {
        _id: randomUUID(),
        userId: user._id,
        tokenVersion: user.tokenVersion,
        expiresAt: refresh.expiresAt,
      };
      await this.families.create(family, session);
      return this.issue(user, family._id, refresh, session);
    });
  }

  /** Exchanges a live token of a live family whose user still holds the family's version. */
  private async rotate(
    hash: string,
    now: Date,
    session: ClientSession,
  ): Promise<SessionTokens | null> {
    const used = await this.refreshTokens.markRotated(hash, now, session);
    if (!used) return null;
    const family = await this.families.findLive(used.familyId, session);
    const user = family ? await this.users.findSessionState(family.userId, session) : null;
    if (!family || !user || !isCurrent(user, family.tokenVersion)) {
      throw new UnauthenticatedError(INVALID_REFRESH);
    }
    const refresh = this.tokens.newRefreshToken(now);
    await this.families.extend(family._id, refresh.expiresAt, session);
    return this.issue(user, family._id, refresh, session);
  }

  private async revokeFamilyOfReusedToken(hash: string, now: Date): Promise<void> {
    const known = await this.refreshTokens.find(hash);
    if (!known?.rotatedAt) return;
    this.logger.warn(`Rotated refresh token reused: family ${known.familyId} revoked`);
    await this.families.revoke(known.familyId, now);
  }

  private async issue(
    user: UserSessionState,
    familyId: string,
    refresh: IssuedRefreshToken,
    session: ClientSession,
  ): Promise<SessionTokens> {
    await this.refreshTokens.insert(
      { _id: refresh.hash, familyId, userId: user._id, expiresAt: refresh.expiresAt },
      session,
    );
    const access = this.tokens.signAccessToken({
      userId: user._id,
      role: user.role,
      familyId,
      tokenVersion: user.tokenVersion,
    });
    return {
      accessToken: access.accessToken,
      refreshToken: refresh.refreshToken,
      tokenType: 'Bearer',
      expiresIn: access.expiresIn,
      refreshExpiresAt: refresh.expiresAt,
      csrfToken: this.keys.csrfTokenFor(refresh.refreshToken),
    };
  }
}

function isCurrent(user: UserSessionState, tokenVersion: number): boolean {
  return user.status === UserStatus.Active && user.tokenVersion === tokenVersion;
}
