import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UnauthenticatedError } from '@kassa/common';
import { AccessClaims } from '../access-claims';
import { AuthUser } from '../auth-user';
import { Role } from '../role';
import { LiveSession, TokenFamilyRepository } from './token-family.repository';

export interface NewSession {
  userId: string;
  role: Role;
  expiresAt: Date;
}

/**
 * Login sessions (refresh-token families) and the one rule of whether an access token is still
 * good: its session is live and belongs to its subject. Logout ends one session; a password,
 * role or status change or a deletion ends all of a user's sessions, in the transaction of that
 * change. Every access token dies with its session, at once, on every instance.
 */
@Injectable()
export class SessionRegistry {
  constructor(private readonly families: TokenFamilyRepository) {}

  async start(session: NewSession): Promise<string> {
    const id = randomUUID();
    await this.families.create({ _id: id, ...session });
    return id;
  }

  /** The session if it is live (neither revoked nor expired). */
  find(id: string, now = new Date()): Promise<LiveSession | null> {
    return this.families.findLive(id, now);
  }

  /** Keeps a live session alive until `expiresAt`; false when it was revoked meanwhile. */
  extend(id: string, expiresAt: Date): Promise<boolean> {
    return this.families.extend(id, expiresAt);
  }

  end(id: string, now = new Date()): Promise<void> {
    return this.families.revoke(id, now);
  }

  endAllOf(userId: string, now = new Date()): Promise<void> {
    return this.families.revokeAllOf(userId, now);
  }

  /** The caller of a token whose signature and expiry were checked; revoked sessions refused. */
  async callerOf(claims: AccessClaims): Promise<AuthUser> {
    const session = await this.find(claims.fid);
    if (!session || session.userId !== claims.sub) {
      throw new UnauthenticatedError('Access token has been revoked');
    }
    return {
      id: claims.sub,
      role: session.role,
      jti: claims.jti,
      fid: claims.fid,
      exp: claims.exp,
    };
  }
}
