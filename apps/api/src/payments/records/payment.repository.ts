import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ListQuery } from '@kassa/common';
import { findPage, RecordOf } from '@kassa/database';
import { FilterQuery, Model } from 'mongoose';
import { PaymentStatus } from './payment-status';
import { PaymentRecord } from './schemas/payment-record.schema';

export type PaymentRecordOf = RecordOf<PaymentRecord>;

export type NewPayment = Pick<
  PaymentRecordOf,
  'payerId' | 'payeeId' | 'amountCents' | 'currency' | 'card'
>;

/** A state change: the payment, the state it must still be in, where it goes, what is stamped. */
export interface PaymentTransition {
  id: string;
  expected: { status: PaymentStatus };
  to: PaymentStatus;
  set?: Partial<Pick<PaymentRecordOf, 'paidAt' | 'cancelledAt'>>;
}

@Injectable()
export class PaymentRepository {
  constructor(@InjectModel(PaymentRecord.name) private readonly model: Model<PaymentRecord>) {}

  async create(payment: NewPayment): Promise<PaymentRecordOf> {
    const [created] = await this.model.create([
      { ...payment, status: PaymentStatus.Created, gatewayPaymentId: null },
    ]);
    return created.toObject<PaymentRecordOf>();
  }

  findById(id: string): Promise<PaymentRecordOf | null> {
    return this.model.findById(id).lean<PaymentRecordOf>().exec();
  }

  /** Moves the payment if it is still in the expected state; null when a concurrent move won. */
  transition(move: PaymentTransition): Promise<PaymentRecordOf | null> {
    return this.model
      .findOneAndUpdate(
        { _id: move.id, status: move.expected.status },
        { $set: { status: move.to, ...move.set } },
        { new: true },
      )
      .lean<PaymentRecordOf>()
      .exec();
  }

  list(query: ListQuery, baseFilter: FilterQuery<PaymentRecord>) {
    return findPage<PaymentRecordOf>(this.model, query, baseFilter);
  }
}
