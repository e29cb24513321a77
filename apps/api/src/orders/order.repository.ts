import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ListQuery } from '@kassa/common';
import { findPage, RecordOf } from '@kassa/database';
import { FilterQuery, Model, trusted } from 'mongoose';
import { OrderStatus } from './order-status';
import { Order } from './schemas/order.schema';

export type OrderRecord = RecordOf<Order>;

export type NewOrder = Omit<
  OrderRecord,
  | '_id'
  | 'status'
  | 'note'
  | 'history'
  | 'paidAt'
  | 'chargeInProgress'
  | 'refundedCents'
  | 'refundedQuantity'
  | 'createdAt'
  | 'updatedAt'
>;

/** Units of one product of an order. */
export interface ProductUnits {
  productId: string;
  quantity: number;
}

/** A state change: the order, the state it must still be in, the state it goes to, and who. */
export interface OrderTransition {
  id: string;
  expected: { status: OrderStatus };
  to: OrderStatus;
  by: string;
  at: Date;
  /** Fields written with the move (e.g. `paidAt`). */
  set?: Partial<Pick<OrderRecord, 'paidAt' | 'chargeInProgress'>>;
}

@Injectable()
export class OrderRepository {
  constructor(@InjectModel(Order.name) private readonly model: Model<Order>) {}

  async create(order: NewOrder, by: string, now: Date): Promise<OrderRecord> {
    const history = [{ status: OrderStatus.Pending, at: now, by }];
    const [created] = await this.model.create([
      {
        ...order,
        status: OrderStatus.Pending,
        note: '',
        history,
        paidAt: null,
        chargeInProgress: false,
        refundedCents: 0,
        refundedQuantity: 0,
      },
    ]);
    return created.toObject<OrderRecord>();
  }

  findById(id: string): Promise<OrderRecord | null> {
    return this.model.findById(id).lean<OrderRecord>().exec();
  }

  /**
   * Moves the order if it is still in the expected state, recording the move in its history in
   * the same write; null when it is not (any more): a concurrent move won.
   */
  transition(move: OrderTransition): Promise<OrderRecord | null> {
    return this.model
      .findOneAndUpdate(
        { _id: move.id, status: move.expected.status },
        {
          $set: { status: move.to, ...move.set },
          $push: { history: { status: move.to, at: move.at, by: move.by } },
        },
        { new: true },
      )
      .lean<OrderRecord>()
      .exec();
  }

  /**
   * Marks a pending order as being paid, if no other payment of it is under way: the claim that
   * lets exactly one of several concurrent payments call the gateway.
   */
  async claimForCharge(id: string): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, status: OrderStatus.Pending, chargeInProgress: false },
      { $set: { chargeInProgress: true } },
    );
    return result.modifiedCount === 1;
  }

  /** Ends the claim of a charge that did not capture (declined, refused, never made). */
  async releaseChargeClaim(id: string): Promise<void> {
    await this.model.updateOne(
      { _id: id, chargeInProgress: true },
      { $set: { chargeInProgress: false } },
    );
  }

  /**
   * Takes `units` of a line out of what may still be asked back, if that many are left and the
   * order is still one that takes returns; false otherwise.
   */
  async claimReturnable(
    id: string,
    units: ProductUnits,
    statuses: OrderStatus[],
  ): Promise<boolean> {
    const result = await this.model.updateOne(
      {
        _id: id,
        status: trusted({ $in: statuses }),
        lines: trusted({
          $elemMatch: { productId: units.productId, returnableQuantity: { $gte: units.quantity } },
        }),
      },
      { $inc: { 'lines.$.returnableQuantity': -units.quantity } },
    );
    return result.modifiedCount === 1;
  }

  /** Gives `units` of a line back to what may be asked back (their return was rejected). */
  async releaseReturnable(id: string, units: ProductUnits): Promise<void> {
    await this.model.updateOne(
      { _id: id, 'lines.productId': units.productId },
      { $inc: { 'lines.$.returnableQuantity': units.quantity } },
    );
  }

  /**
   * Counts `units` of a line as returned, if `alreadyReturned` is still the count (the refund of
   * these units was priced on it); false when another approval came first.
   */
  async countReturned(id: string, units: ProductUnits, alreadyReturned: number): Promise<boolean> {
    const result = await this.model.updateOne(
      {
        _id: id,
        lines: trusted({
          $elemMatch: { productId: units.productId, returnedQuantity: alreadyReturned },
        }),
      },
      { $inc: { 'lines.$.returnedQuantity': units.quantity } },
    );
    return result.modifiedCount === 1;
  }

  /** Adds a refund to the order's totals; the order as it is after. */
  addRefund(id: string, cents: number, units: number): Promise<OrderRecord | null> {
    return this.model
      .findOneAndUpdate(
        { _id: id },
        { $inc: { refundedCents: cents, refundedQuantity: units } },
        { new: true },
      )
      .lean<OrderRecord>()
      .exec();
  }

  setNote(id: string, note: string): Promise<OrderRecord | null> {
    return this.model
      .findOneAndUpdate({ _id: id }, { $set: { note } }, { new: true })
      .lean<OrderRecord>()
      .exec();
  }

  list(query: ListQuery, baseFilter: FilterQuery<Order>) {
    return findPage<OrderRecord>(this.model, query, baseFilter);
  }

  /** Ids of pending orders past their payment deadline and not being paid, oldest first. */
  async findExpiredIds(now: Date, limit: number): Promise<string[]> {
    const orders = await this.model
      .find(
        { status: OrderStatus.Pending, chargeInProgress: false, expiresAt: trusted({ $lte: now }) },
        { _id: 1 },
      )
      .sort({ expiresAt: 1 })
      .limit(limit)
      .lean<Pick<OrderRecord, '_id'>[]>()
      .exec();
    return orders.map((order) => order._id);
  }
}
