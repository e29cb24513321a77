import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKey, RecordOf } from '@kassa/database';
import { Model, trusted } from 'mongoose';
import { IdempotencyRecord } from './schemas/idempotency-record.schema';

export type IdempotencyRecordOf = RecordOf<IdempotencyRecord>;

export interface StoredResponse {
  status: number;
  body: unknown;
}

@Injectable()
export class IdempotencyRepository {
  constructor(
    @InjectModel(IdempotencyRecord.name) private readonly model: Model<IdempotencyRecord>,
  ) {}

  /**
   * Claims the key for a first request: true when this caller inserted the record (the unique
   * `_id` lets exactly one of several concurrent requests win), or took over the claim of a
   * process whose lease ran out on the same request.
   */
  async claim(id: string, fingerprint: string, leaseUntil: Date, expiresAt: Date, now: Date) {
    try {
      await this.model.create([
        { _id: id, fingerprint, state: 'in_flight', leaseUntil, response: null, expiresAt },
      ]);
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const takenOver = await this.model.updateOne(
      { _id: id, fingerprint, state: 'in_flight', leaseUntil: trusted({ $lt: now }) },
      { $set: { leaseUntil } },
    );
    return takenOver.modifiedCount === 1;
  }

  find(id: string): Promise<IdempotencyRecordOf | null> {
    return this.model.findById(id).lean<IdempotencyRecordOf>().exec();
  }

  /** Stores the first answer, if the claim is still in flight. */
  async complete(id: string, response: StoredResponse): Promise<void> {
    await this.model.updateOne(
      { _id: id, state: 'in_flight' },
      { $set: { state: 'done', response } },
    );
  }

  /** Gives the key up (the request failed with a fault): a retry with it runs again. */
  async abandon(id: string): Promise<void> {
    await this.model.deleteOne({ _id: id, state: 'in_flight' });
  }
}
