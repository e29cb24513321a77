import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ClientSession, Model } from 'mongoose';
import { duplicateKeyField } from '../../users/duplicate-key';
import { DeniedAccessToken } from '../schemas/denied-access-token.schema';

@Injectable()
export class DeniedAccessTokenRepository {
  constructor(
    @InjectModel(DeniedAccessToken.name) private readonly model: Model<DeniedAccessToken>,
  ) {}

  /** Denies the token id until `expiresAt`; denying twice is harmless. */
  async deny(jti: string, expiresAt: Date, session?: ClientSession): Promise<void> {
    try {
      await this.model.updateOne(
        { _id: jti },
        { $setOnInsert: { expiresAt } },
        { upsert: true, session },
      );
    } catch (error) {
      if (!duplicateKeyField(error)) throw error;
    }
  }

  async isDenied(jti: string): Promise<boolean> {
    return (await this.model.exists({ _id: jti })) !== null;
  }
}
