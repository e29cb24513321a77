import { randomUUID } from 'node:crypto';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { DISCOUNT_KINDS, DiscountKind } from '../discount-rules';

/** A code a customer enters: off the cart's subtotal after product discounts, one per cart. */
@Schema({ collection: 'promo_codes', timestamps: true, versionKey: false })
export class PromoCode {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  /** As the admin wrote it. */
  @Prop({ required: true })
  code: string;

  /** Uppercase copy: codes are unique and entered in any case. */
  @Prop({ required: true })
  codeKey: string;

  @Prop({ type: String, enum: DISCOUNT_KINDS, required: true })
  kind: DiscountKind;

  /** Basis points for `percent`, cents for `fixed`. */
  @Prop({ required: true, min: 1 })
  value: number;

  @Prop({ required: true, default: 0, min: 0 })
  minimumSubtotalCents: number;

  @Prop({ type: Date, default: null })
  startsAt: Date | null;

  @Prop({ type: Date, default: null })
  endsAt: Date | null;

  @Prop({ required: true, default: true })
  active: boolean;

  /** Orders that may use it in all; null: no limit. */
  @Prop({ type: Number, default: null })
  usageLimit: number | null;

  /** Orders one customer may use it in; null: no limit. */
  @Prop({ type: Number, default: null })
  perCustomerLimit: number | null;

  /** Orders holding a use (counted when an order is created, released when it is cancelled). */
  @Prop({ required: true, default: 0, min: 0 })
  usedCount: number;

  createdAt: Date;
  updatedAt: Date;
}

export type PromoCodeDocument = HydratedDocument<PromoCode>;
export const PromoCodeSchema = SchemaFactory.createForClass(PromoCode);

/** The admin list: each filter or sort, and each equality filter with the default order. */
PromoCodeSchema.index({ codeKey: 1 }, { unique: true });
for (const path of ['kind', 'active', 'startsAt', 'endsAt', 'usedCount', 'createdAt']) {
  PromoCodeSchema.index({ [path]: 1, _id: 1 });
}
for (const path of ['kind', 'active']) {
  PromoCodeSchema.index({ [path]: 1, createdAt: 1, _id: 1 });
}

/** One customer's uses of one promo code, counted and released with their orders. */
@Schema({ collection: 'promo_code_uses', timestamps: true, versionKey: false })
export class PromoCodeUse {
  /** `<promoCodeId>:<userId>`. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  promoCodeId: string;

  @Prop({ required: true })
  userId: string;

  @Prop({ required: true, default: 0, min: 0 })
  count: number;

  createdAt: Date;
  updatedAt: Date;
}

export const PromoCodeUseSchema = SchemaFactory.createForClass(PromoCodeUse);
PromoCodeUseSchema.index({ promoCodeId: 1 });
