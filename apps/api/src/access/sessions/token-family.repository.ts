import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { RecordOf } from '@kassa/database';
import { Model, trusted } from 'mongoose';
import { TokenFamily } from './token-family.schema';

export type TokenFamilyRecord = RecordOf<TokenFamily>;

export type NewTokenFamily = Pick<TokenFamilyRecord, '_id' | 'userId' | 'role' | 'expiresAt'>;

/** What the guard needs of a live session. */
export type LiveSession = Pick<TokenFamilyRecord, '_id' | 'userId' | 'role'>;

@Injectable()
export class TokenFamilyRepository {
  constructor(@InjectModel(TokenFamily.name) private readonly model: Model<TokenFamily>) {}

  async create(family: NewTokenFamily): Promise<void> {
    await this.model.create([{ ...family, revokedAt: null }]);
  }

  /** The session if it is neither revoked nor expired: one point read by `_id`. */
  findLive(id: string, now: Date): Promise<LiveSession | null> {
    return this.model
      .findOne(
        { _id: id, revokedAt: null, expiresAt: trusted({ $gt: now }) },
        { userId: 1, role: 1 },
      )
      .lean<LiveSession>()
      .exec();
  }

  /**
   * Pushes a live session's expiry out to its newest refresh token's. Conditional on the session
   * still being live, so a rotation racing a revocation either commits before it (and is then
   * revoked with it) or finds it revoked.
   */
  async extend(id: string, expiresAt: Date): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, revokedAt: null },
      { $max: { expiresAt } },
    );
    return result.matchedCount === 1;
  }

  async revoke(id: string, now: Date): Promise<void> {
    await this.model.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: now } });
  }

  async revokeAllOf(userId: string, now: Date): Promise<void> {
    await this.model.updateMany({ userId, revokedAt: null }, { $set: { revokedAt: now } });
  }
}
