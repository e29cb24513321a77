import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ThrottlerStorage } from '@nestjs/throttler';
import { Model, mongo, trusted } from 'mongoose';
import { RateLimitCounter } from './schemas/rate-limit-counter.schema';

const DUPLICATE_KEY = 11000;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Rate-limit counters in MongoDB, so every API instance shares them. A key counts hits in a
 * window that opens with its first hit and lasts `ttl`; past `limit` the key is blocked until
 * the window closes. Each step is one conditional atomic update, so concurrent hits are never
 * lost: count within a live window, else restart an expired one, else create it (a lost
 * creation race retries the count).
 */
@Injectable()
export class MongoThrottlerStorage implements ThrottlerStorage {
  constructor(
    @InjectModel(RateLimitCounter.name) private readonly counters: Model<RateLimitCounter>,
  ) {}

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const now = new Date();
    const counter = await this.hit(key, now, new Date(now.getTime() + ttl));
    const timeToExpire = Math.max(
      0,
      Math.ceil((counter.expiresAt.getTime() - now.getTime()) / 1000),
    );
    const isBlocked = counter.hits > limit;
    return {
      totalHits: counter.hits,
      timeToExpire,
      isBlocked,
      timeToBlockExpire: isBlocked ? timeToExpire : 0,
    };
  }

  private async hit(key: string, now: Date, windowEnd: Date): Promise<RateLimitCounter> {
    for (;;) {
      const counted = await this.counters
        .findOneAndUpdate(
          { _id: key, expiresAt: trusted({ $gt: now }) },
          { $inc: { hits: 1 } },
          { new: true },
        )
        .lean()
        .exec();
      if (counted) return counted;
      const restarted = await this.counters
        .findOneAndUpdate(
          { _id: key, expiresAt: trusted({ $lte: now }) },
          { $set: { hits: 1, expiresAt: windowEnd } },
          { new: true },
        )
        .lean()
        .exec();
      if (restarted) return restarted;
      try {
        return (await this.counters.create({ _id: key, hits: 1, expiresAt: windowEnd })).toObject();
      } catch (error) {
        if (!(error instanceof mongo.MongoServerError && error.code === DUPLICATE_KEY)) throw error;
      }
    }
  }
}
