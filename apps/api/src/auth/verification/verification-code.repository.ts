import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKey } from '@kassa/database';
import { Model, trusted } from 'mongoose';
import { VerificationCode, VerificationPurpose } from '../schemas/verification-code.schema';

export interface VerificationCodeRecord {
  _id: string;
  userId: string;
  purpose: VerificationPurpose;
  email: string;
  codeHash: string;
  attempts: number;
  expiresAt: Date;
  resendAvailableAt: Date;
}

export interface CodeKey {
  userId: string;
  purpose: VerificationPurpose;
}

export interface NewCode extends CodeKey {
  email: string;
  codeHash: string;
  expiresAt: Date;
  resendAvailableAt: Date;
  purgeAt: Date;
}

@Injectable()
export class VerificationCodeRepository {
  constructor(
    @InjectModel(VerificationCode.name) private readonly model: Model<VerificationCode>,
  ) {}

  /**
   * Stores a fresh code (attempts reset) unless the previous one's resend cool-down is still
   * running; false then. One upsert on the unique (userId, purpose) key: when the cool-down
   * filter misses an existing document the upsert's insert collides with it.
   */
  async replace(code: NewCode, now: Date): Promise<boolean> {
    const { userId, purpose, ...fields } = code;
    try {
      await this.model.updateOne(
        { userId, purpose, resendAvailableAt: trusted({ $lte: now }) },
        { $set: { ...fields, attempts: 0 }, $setOnInsert: { _id: randomUUID() } },
        { upsert: true },
      );
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Deletes and returns the code if `codeHash` matches a live one with attempts left. */
  consume(
    key: CodeKey,
    codeHash: string,
    now: Date,
    maxAttempts: number,
  ): Promise<VerificationCodeRecord | null> {
    return this.model
      .findOneAndDelete({
        ...key,
        codeHash,
        attempts: trusted({ $lt: maxAttempts }),
        expiresAt: trusted({ $gt: now }),
      })
      .lean<VerificationCodeRecord>()
      .exec();
  }

  /** Counts one wrong attempt on a live code with attempts left; its new count, else null. */
  async countWrongAttempt(key: CodeKey, now: Date, maxAttempts: number): Promise<number | null> {
    const updated = await this.model
      .findOneAndUpdate(
        { ...key, attempts: trusted({ $lt: maxAttempts }), expiresAt: trusted({ $gt: now }) },
        { $inc: { attempts: 1 } },
        { new: true, projection: { attempts: 1 } },
      )
      .lean<{ attempts: number }>()
      .exec();
    return updated?.attempts ?? null;
  }

  find(key: CodeKey): Promise<VerificationCodeRecord | null> {
    return this.model.findOne(key).lean<VerificationCodeRecord>().exec();
  }

  /** Lifts the resend cool-down of the code stored with `codeHash` (its mail did not go out). */
  async liftCooldown(key: CodeKey, codeHash: string, now: Date): Promise<void> {
    await this.model.updateOne({ ...key, codeHash }, { $set: { resendAvailableAt: now } });
  }
}
