import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { RecordOf } from '@kassa/database';
import { Model, trusted } from 'mongoose';
import { CardCharge, ChargeStatus } from './schemas/card-charge.schema';

export type CardChargeRecord = RecordOf<CardCharge>;

export type NewCardCharge = Pick<
  CardChargeRecord,
  | '_id'
  | 'purpose'
  | 'reference'
  | 'customerId'
  | 'amountCents'
  | 'currency'
  | 'card'
  | 'gatewayKey'
  | 'nextCheckAt'
>;

@Injectable()
export class CardChargeRepository {
  constructor(@InjectModel(CardCharge.name) private readonly model: Model<CardCharge>) {}

  async create(charge: NewCardCharge): Promise<CardChargeRecord> {
    const [created] = await this.model.create([{ ...charge, status: 'processing' }]);
    return created.toObject<CardChargeRecord>();
  }

  findById(id: string): Promise<CardChargeRecord | null> {
    return this.model.findById(id).lean<CardChargeRecord>().exec();
  }

  /** The captured card charge that paid an order, if any. */
  findCapturedForOrder(orderId: string): Promise<CardChargeRecord | null> {
    return this.model
      .findOne({ purpose: 'order', reference: orderId, status: 'paid' })
      .lean<CardChargeRecord>()
      .exec();
  }

  /** Settles a charge still `processing` (or `from`): one conditional update; null if it was not. */
  settle(
    id: string,
    to: ChargeStatus,
    fields: Partial<Pick<CardChargeRecord, 'gatewayPaymentId' | 'failure'>>,
    now: Date,
    from: ChargeStatus = 'processing',
  ): Promise<CardChargeRecord | null> {
    return this.model
      .findOneAndUpdate(
        { _id: id, status: from },
        { $set: { status: to, ...fields, settledAt: now, nextCheckAt: null, refundDueAt: null } },
        { new: true },
      )
      .lean<CardChargeRecord>()
      .exec();
  }

  /** Leaves a charge in doubt for the reconciler to ask about at `at`. */
  async scheduleCheck(id: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: id, status: 'processing' }, { $set: { nextCheckAt: at } });
  }

  /**
   * Claims the next charge in doubt that is due for a check, pushing its next check out by
   * `leaseMs` (so one reconciler at a time asks about it) and counting the check.
   */
  claimDueCheck(now: Date, nextCheckAt: Date): Promise<CardChargeRecord | null> {
    return this.model
      .findOneAndUpdate(
        { status: 'processing', nextCheckAt: trusted({ $lte: now }) },
        { $set: { nextCheckAt }, $inc: { checks: 1 } },
        { new: true, sort: { nextCheckAt: 1 } },
      )
      .lean<CardChargeRecord>()
      .exec();
  }

  async markRefundDue(id: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: id, status: 'paid' }, { $set: { refundDueAt: at } });
  }

  /** Claims the next captured charge whose refund is due, like {@link claimDueCheck}. */
  claimDueRefund(now: Date, nextAttemptAt: Date): Promise<CardChargeRecord | null> {
    return this.model
      .findOneAndUpdate(
        { status: 'paid', refundDueAt: trusted({ $lte: now }) },
        { $set: { refundDueAt: nextAttemptAt } },
        { new: true, sort: { refundDueAt: 1 } },
      )
      .lean<CardChargeRecord>()
      .exec();
  }
}
