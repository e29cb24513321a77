import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted } from 'mongoose';
import { RefreshToken } from '../schemas/refresh-token.schema';

export interface RefreshTokenRecord {
  _id: string;
  familyId: string;
  userId: string;
  rotatedAt: Date | null;
  expiresAt: Date;
}

@Injectable()
export class RefreshTokenRepository {
  constructor(@InjectModel(RefreshToken.name) private readonly model: Model<RefreshToken>) {}

  async insert(token: Omit<RefreshTokenRecord, 'rotatedAt'>): Promise<void> {
    await this.model.create([{ ...token, rotatedAt: null }]);
  }

  /**
   * Marks a live, never-used token as rotated and returns it; null when it is unknown, expired or
   * already rotated. The `rotatedAt: null` condition lets exactly one of two concurrent uses win.
   */
  markRotated(hash: string, now: Date): Promise<RefreshTokenRecord | null> {
    return this.model
      .findOneAndUpdate(
        { _id: hash, rotatedAt: null, expiresAt: trusted({ $gt: now }) },
        { $set: { rotatedAt: now } },
        { new: true },
      )
      .lean<RefreshTokenRecord>()
      .exec();
  }

  find(hash: string): Promise<RefreshTokenRecord | null> {
    return this.model.findById(hash).lean<RefreshTokenRecord>().exec();
  }
}
