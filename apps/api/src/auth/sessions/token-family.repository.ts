import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ClientSession, Model } from 'mongoose';
import { TokenFamily } from '../schemas/token-family.schema';

export interface TokenFamilyRecord {
  _id: string;
  userId: string;
  tokenVersion: number;
  revokedAt: Date | null;
  expiresAt: Date;
}

@Injectable()
export class TokenFamilyRepository {
  constructor(@InjectModel(TokenFamily.name) private readonly model: Model<TokenFamily>) {}

  async create(
    family: Omit<TokenFamilyRecord, 'revokedAt'>,
    session?: ClientSession,
  ): Promise<void> {
    await this.model.create([{ ...family, revokedAt: null }], { session });
  }

  findLive(id: string, session?: ClientSession): Promise<TokenFamilyRecord | null> {
    return this.model
      .findOne({ _id: id, revokedAt: null }, null, { session })
      .lean<TokenFamilyRecord>()
      .exec();
  }

  async extend(id: string, expiresAt: Date, session?: ClientSession): Promise<void> {
    await this.model.updateOne({ _id: id }, { $max: { expiresAt } }, { session });
  }

  async revoke(id: string, now: Date, session?: ClientSession): Promise<void> {
    await this.model.updateOne(
      { _id: id, revokedAt: null },
      { $set: { revokedAt: now } },
      { session },
    );
  }
}
