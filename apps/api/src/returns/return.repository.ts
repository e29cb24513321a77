import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ListQuery } from '@kassa/common';
import { findPage, RecordOf } from '@kassa/database';
import { FilterQuery, Model, trusted } from 'mongoose';
import { ReturnStatus } from './return-status';
import { ReturnRequest } from './schemas/return-request.schema';

export type ReturnRecord = RecordOf<ReturnRequest>;

export type NewReturn = Pick<
  ReturnRecord,
  'orderId' | 'customerId' | 'items' | 'reason' | 'amountCents' | 'currency'
>;

/** A state change: the return, the state it must still be in, where it goes, who, and what else. */
export interface ReturnTransition {
  id: string;
  expected: ReturnStatus;
  to: ReturnStatus;
  by: string;
  at: Date;
  set?: Record<string, unknown>;
}

@Injectable()
export class ReturnRepository {
  constructor(@InjectModel(ReturnRequest.name) private readonly model: Model<ReturnRequest>) {}

  async create(request: NewReturn, by: string, now: Date): Promise<ReturnRecord> {
    const [created] = await this.model.create([
      {
        ...request,
        status: ReturnStatus.Requested,
        rejectionReason: null,
        history: [{ status: ReturnStatus.Requested, at: now, by }],
      },
    ]);
    return created.toObject<ReturnRecord>();
  }

  findById(id: string): Promise<ReturnRecord | null> {
    return this.model.findById(id).lean<ReturnRecord>().exec();
  }

  /** Every return of an order, oldest first. */
  findByOrder(orderId: string): Promise<ReturnRecord[]> {
    return this.model
      .find({ orderId })
      .sort({ createdAt: 1, _id: 1 })
      .lean<ReturnRecord[]>()
      .exec();
  }

  list(query: ListQuery, baseFilter: FilterQuery<ReturnRequest>) {
    return findPage<ReturnRecord>(this.model, query, baseFilter);
  }

  /**
   * Moves the return if it is still in the expected state, with its history and `set` in the
   * same write; null when a concurrent move came first.
   */
  transition(move: ReturnTransition): Promise<ReturnRecord | null> {
    return this.model
      .findOneAndUpdate(
        { _id: move.id, status: move.expected },
        {
          $set: { status: move.to, ...move.set },
          $push: { history: { status: move.to, at: move.at, by: move.by } },
        },
        { new: true },
      )
      .lean<ReturnRecord>()
      .exec();
  }

  /** Records a refund attempt of an approved return that did not refund, and when to retry. */
  async recordRefundFailure(id: string, failure: string, nextAttemptAt: Date): Promise<void> {
    await this.model.updateOne(
      { _id: id, status: ReturnStatus.Approved },
      {
        $set: { 'refund.failure': failure, 'refund.nextAttemptAt': nextAttemptAt },
        $inc: { 'refund.attempts': 1 },
      },
    );
  }

  /**
   * Claims the approved return whose refund is due soonest, pushing its next attempt to
   * `leaseUntil` so that one instance at a time retries it.
   */
  claimDueRefund(now: Date, leaseUntil: Date): Promise<ReturnRecord | null> {
    return this.model
      .findOneAndUpdate(
        { status: ReturnStatus.Approved, 'refund.nextAttemptAt': trusted({ $lte: now }) },
        { $set: { 'refund.nextAttemptAt': leaseUntil } },
        { new: true, sort: { 'refund.nextAttemptAt': 1 } },
      )
      .lean<ReturnRecord>()
      .exec();
  }
}
