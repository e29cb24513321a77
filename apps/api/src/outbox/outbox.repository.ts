import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ListQuery } from '@kassa/common';
import { findPage, RecordOf } from '@kassa/database';
import { Model, trusted } from 'mongoose';
import { OutboxMail, OutboxMessage } from './schemas/outbox-message.schema';

export type OutboxMessageRecord = RecordOf<OutboxMessage>;

/** A claimed message: the attempt number is the claim, so only its holder can settle it. */
export type ClaimedMessage = Pick<OutboxMessageRecord, '_id' | 'topic' | 'mail' | 'attempts'>;

@Injectable()
export class OutboxRepository {
  constructor(@InjectModel(OutboxMessage.name) private readonly model: Model<OutboxMessage>) {}

  /** Queues a mail, inside the caller's transaction when there is one. */
  async add(topic: string, mail: OutboxMail, now: Date): Promise<void> {
    await this.model.create([{ topic, mail, status: 'pending', attempts: 0, nextAttemptAt: now }]);
  }

  /**
   * Claims the next message due (a pending one whose retry time has come, or one whose sender's
   * lease ran out) with one conditional update: two dispatchers never hold the same message.
   */
  claimNext(now: Date, leaseUntil: Date): Promise<ClaimedMessage | null> {
    return this.model
      .findOneAndUpdate(
        {
          $or: [
            { status: 'pending', nextAttemptAt: trusted({ $lte: now }) },
            { status: 'sending', leaseUntil: trusted({ $lt: now }) },
          ],
        },
        { $set: { status: 'sending', leaseUntil }, $inc: { attempts: 1 } },
        { new: true, sort: { nextAttemptAt: 1 }, projection: { topic: 1, mail: 1, attempts: 1 } },
      )
      .lean<ClaimedMessage>()
      .exec();
  }

  async markSent(claim: ClaimedMessage, now: Date): Promise<void> {
    await this.settle(claim, { status: 'sent', sentAt: now, leaseUntil: null, lastError: null });
  }

  async markForRetry(claim: ClaimedMessage, nextAttemptAt: Date, error: string): Promise<void> {
    await this.settle(claim, {
      status: 'pending',
      nextAttemptAt,
      leaseUntil: null,
      lastError: error,
    });
  }

  async markFailed(claim: ClaimedMessage, error: string): Promise<void> {
    await this.settle(claim, { status: 'failed', leaseUntil: null, lastError: error });
  }

  list(query: ListQuery) {
    return findPage<OutboxMessageRecord>(this.model, query);
  }

  countWaiting(): Promise<number> {
    return this.model.countDocuments({ status: trusted({ $in: ['pending', 'sending'] }) }).exec();
  }

  private async settle(claim: ClaimedMessage, fields: Partial<OutboxMessage>): Promise<void> {
    await this.model.updateOne(
      { _id: claim._id, status: 'sending', attempts: claim.attempts },
      { $set: fields },
    );
  }
}
