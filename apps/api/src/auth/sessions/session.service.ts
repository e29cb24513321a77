import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  AccountNotVerifiedError,
  ForbiddenError,
  InvalidCredentialsError,
  UnauthenticatedError,
} from '@kassa/common';
import { TransactionRunner } from '@kassa/database';
import { AuthUser } from '../../access/auth-user';
import { Role } from '../../access/role';
import { SessionRegistry } from '../../access/sessions/session-registry';
import { PasswordHasher } from '../../users/password-hasher';
import { LoginIdentifier, UserAccounts } from '../../users/user-accounts.service';
import { UserRecord } from '../../users/user.record';
import { UserStatus } from '../../users/user-status';
import { AuthKeys } from '../auth-keys';
import { IssuedRefreshToken, TokenService } from '../tokens/token.service';
import { presentedRefreshToken } from './csrf';
import { RefreshTokenRepository } from './refresh-token.repository';
import { CookieCredentials, SessionTokens } from './session-tokens';

export interface LoginInput extends LoginIdentifier {
  password: string;
}

export interface LogoutInput {
  caller?: AuthUser;
  refreshToken?: string;
  cookies: CookieCredentials;
}

interface SessionHolder {
  userId: string;
  role: Role;
}

const INVALID_REFRESH = 'Refresh token is invalid, expired, revoked or already used';

/**
 * Login sessions: a login starts a session (refresh-token family); each refresh rotates the
 * token within it; presenting a rotated token again ends the session; logout ends it. Ending a
 * session ends every access token issued in it.
 */
@Injectable()
export class SessionService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SessionService.name);

  constructor(
    private readonly accounts: UserAccounts,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly keys: AuthKeys,
    private readonly sessions: SessionRegistry,
    private readonly refreshTokens: RefreshTokenRepository,
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
    const user = await this.accounts.findByLogin(input);
    const passwordMatches = user
      ? await this.hasher.verify(input.password, user.passwordHash)
      : await this.hasher.verifyDecoy(input.password);
    if (!user || !passwordMatches) throw new InvalidCredentialsError();
    if (user.status === UserStatus.Unverified) throw new AccountNotVerifiedError();
    if (user.status === UserStatus.Deactivated) {
      throw new ForbiddenError('This account is deactivated');
    }
    return this.startSession(user);
  }

  async refresh(bodyToken: string | undefined, cookies: CookieCredentials): Promise<SessionTokens> {
    const refreshToken = presentedRefreshToken(bodyToken, cookies, this.keys);
    if (!refreshToken) throw new UnauthenticatedError('A refresh token is required');
    const now = new Date();
    const hash = this.tokens.hashRefreshToken(refreshToken);
    const rotated = await this.transactions.run(() => this.rotate(hash, now));
    if (rotated) return rotated;
    await this.endSessionOfReusedToken(hash, now);
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
    const sessionIds = new Set([input.caller?.fid, known?.familyId]);
    for (const id of sessionIds) if (id) await this.sessions.end(id, now);
  }

  /** The session's start is ordered with any revocation of the user's sessions (see recordLogin). */
  private startSession(user: UserRecord): Promise<SessionTokens> {
    const now = new Date();
    return this.transactions.run(async () => {
      const current = await this.accounts.recordLogin(user, now);
      if (!current) throw new InvalidCredentialsError();
      const refresh = this.tokens.newRefreshToken(now);
      const holder = { userId: current._id, role: current.role };
      const sessionId = await this.sessions.start({ ...holder, expiresAt: refresh.expiresAt });
      return this.issue(holder, sessionId, refresh);
    });
  }

  /** Exchanges a live, never-used token of a live session for a new one. */
  private async rotate(hash: string, now: Date): Promise<SessionTokens | null> {
    const used = await this.refreshTokens.markRotated(hash, now);
    if (!used) return null;
    const refresh = this.tokens.newRefreshToken(now);
    const session = await this.sessions.find(used.familyId, now);
    if (!session || !(await this.sessions.extend(session._id, refresh.expiresAt))) {
      throw new UnauthenticatedError(INVALID_REFRESH);
    }
    return this.issue({ userId: session.userId, role: session.role }, session._id, refresh);
  }

  private async endSessionOfReusedToken(hash: string, now: Date): Promise<void> {
    const known = await this.refreshTokens.find(hash);
    if (!known?.rotatedAt) return;
    this.logger.warn(`Rotated refresh token reused: session ${known.familyId} ended`);
    await this.sessions.end(known.familyId, now);
  }

  private async issue(
    holder: SessionHolder,
    sessionId: string,
    refresh: IssuedRefreshToken,
  ): Promise<SessionTokens> {
    await this.refreshTokens.insert({
      _id: refresh.hash,
      familyId: sessionId,
      userId: holder.userId,
      expiresAt: refresh.expiresAt,
    });
    const access = this.tokens.signAccessToken({ ...holder, sessionId });
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
