import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKey } from '@kassa/database';
import { Model, trusted } from 'mongoose';
import { RateLimitCounter } from './schemas/rate-limit-counter.schema';

/** A key's shared count in its current window, as MongoDB holds it. */
export interface SharedCount {
  hits: number;
  expiresAt: Date;
}

/** Hits counted by one instance in a window it knows by its end. */
export interface HitBatch {
  key: string;
  expiresAt: Date;
  hits: number;
}

/**
 * The shared rate-limit counters: one document per key and window, which MongoDB deletes once
 * expired (TTL). Every write is one conditional atomic update, so concurrent instances never lose
 * a hit.
 */
@Injectable()
export class RateLimitCounterRepository {
  constructor(
    @InjectModel(RateLimitCounter.name) private readonly counters: Model<RateLimitCounter>,
  ) {}

  /**
   * Counts one hit in one round trip: within the live window, else in a window restarted (or
   * created) to end at `windowEnd`. Two instances creating the same key at once meet on its
   * unique `_id`; the loser counts again, now within the winner's window. Answers the count with
   * this hit.
   */
  async hit(key: string, now: Date, windowEnd: Date): Promise<SharedCount> {
    const live = { $gt: ['$expiresAt', now] };
    for (;;) {
      try {
        const counted = await this.counters
          .findOneAndUpdate(
            { _id: key },
            [
              {
                $set: {
                  hits: { $cond: [live, { $add: ['$hits', 1] }, 1] },
                  expiresAt: { $cond: [live, '$expiresAt', windowEnd] },
                },
              },
            ],
            { new: true, upsert: true },
          )
          .lean<SharedCount>()
          .exec();
        return counted!;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  }

  /**
   * Adds each batch to its window, and only to that window (the filter names its end: hits of a
   * window that closed meanwhile are dropped with it), in one bulk write; then reads the keys'
   * counts. Two round trips, however many keys. A key whose window is gone answers nothing.
   */
  async addHits(batches: HitBatch[]): Promise<Map<string, SharedCount>> {
    if (batches.length === 0) return new Map();
    await this.counters.bulkWrite(
      batches.map(({ key, expiresAt, hits }) => ({
        updateOne: { filter: { _id: key, expiresAt }, update: { $inc: { hits } } },
      })),
      { ordered: false },
    );
    const counts = await this.counters
      .find({ _id: trusted({ $in: batches.map((batch) => batch.key) }) })
      .lean()
      .exec();
    return new Map(counts.map(({ _id, hits, expiresAt }) => [_id, { hits, expiresAt }]));
  }
}
