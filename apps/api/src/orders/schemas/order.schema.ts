import { randomUUID } from 'node:crypto';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { ORDER_STATUSES, OrderStatus } from '../order-status';

@Schema({ _id: false })
export class OrderLineDiscount {
  @Prop({ required: true })
  id: string;

  @Prop({ required: true })
  name: string;

  @Prop({ required: true })
  amountCents: number;
}

const OrderLineDiscountSchema = SchemaFactory.createForClass(OrderLineDiscount);

/** A line as it was bought: the product and its price, discount and promo share, frozen. */
@Schema({ _id: false })
export class OrderLine {
  @Prop({ required: true })
  productId: string;

  @Prop({ required: true })
  model: string;

  @Prop({ required: true })
  brandId: string;

  @Prop({ required: true })
  categoryId: string;

  @Prop({ required: true, min: 1 })
  quantity: number;

  @Prop({ required: true })
  unitPriceCents: number;

  @Prop({ type: OrderLineDiscountSchema, default: null })
  discount: OrderLineDiscount | null;

  /** `unitPrice × quantity − discount`. */
  @Prop({ required: true })
  lineTotalCents: number;

  /** This line's part of the promo discount: what a return of the whole line gives back less. */
  @Prop({ required: true, default: 0 })
  promoShareCents: number;

  /** Units a customer may still ask to return: bought less those in returns not rejected. */
  @Prop({ required: true, min: 0 })
  returnableQuantity: number;

  /** Units whose return was approved: what the cent-exact refund of the next return counts on. */
  @Prop({ required: true, default: 0, min: 0 })
  returnedQuantity: number;
}

const OrderLineSchema = SchemaFactory.createForClass(OrderLine);

@Schema({ _id: false })
export class OrderPromo {
  @Prop({ required: true })
  id: string;

  @Prop({ required: true })
  code: string;

  @Prop({ required: true })
  discountCents: number;
}

const OrderPromoSchema = SchemaFactory.createForClass(OrderPromo);

@Schema({ _id: false })
export class OrderHistoryEntry {
  @Prop({ type: String, enum: ORDER_STATUSES, required: true })
  status: OrderStatus;

  @Prop({ required: true })
  at: Date;

  /** The user who made the change, or `system` (the expiry job, the payment reconciler). */
  @Prop({ required: true })
  by: string;
}

const OrderHistoryEntrySchema = SchemaFactory.createForClass(OrderHistoryEntry);

/** An order: the cart as it was bought, its money frozen, its life recorded. */
@Schema({ collection: 'orders', timestamps: true, versionKey: false })
export class Order {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  @Prop({ required: true })
  customerId: string;

  @Prop({ type: String, enum: ORDER_STATUSES, required: true })
  status: OrderStatus;

  @Prop({ type: [OrderLineSchema], required: true })
  lines: OrderLine[];

  @Prop({ required: true })
  subtotalCents: number;

  @Prop({ type: OrderPromoSchema, default: null })
  promo: OrderPromo | null;

  @Prop({ required: true })
  discountTotalCents: number;

  @Prop({ required: true })
  totalCents: number;

  @Prop({ required: true })
  currency: string;

  /** An admin's internal note; never shown to the customer. */
  @Prop({ default: '' })
  note: string;

  @Prop({ type: [OrderHistoryEntrySchema], required: true })
  history: OrderHistoryEntry[];

  /** A pending order unpaid at this time is expired by the expiry job. */
  @Prop({ required: true })
  expiresAt: Date;

  @Prop({ type: Date, default: null })
  paidAt: Date | null;

  /**
   * A card charge of the order is under way or in doubt: a second payment is refused and the
   * expiry job leaves the order alone until the charge settles.
   */
  @Prop({ required: true, default: false })
  chargeInProgress: boolean;

  /** Given back by refunded returns so far. */
  @Prop({ required: true, default: 0 })
  refundedCents: number;

  /** Units given back by refunded returns so far; all of them make the order `returned`. */
  @Prop({ required: true, default: 0 })
  refundedQuantity: number;

  createdAt: Date;
  updatedAt: Date;
}

export type OrderDocument = HydratedDocument<Order>;
export const OrderSchema = SchemaFactory.createForClass(Order);

/** The expiry job: pending orders by their deadline. */
OrderSchema.index({ status: 1, expiresAt: 1 });
/**
 * A customer's own list binds `customerId`; admins list everything. One index per sort, and one
 * for a status filter in the default order (newest first).
 */
for (const path of ['status', 'createdAt', 'totalCents']) {
  OrderSchema.index({ customerId: 1, [path]: 1, _id: 1 });
  OrderSchema.index({ [path]: 1, _id: 1 });
}
OrderSchema.index({ customerId: 1, status: 1, createdAt: 1, _id: 1 });
OrderSchema.index({ status: 1, createdAt: 1, _id: 1 });
