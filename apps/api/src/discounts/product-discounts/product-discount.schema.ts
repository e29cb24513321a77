import { randomUUID } from 'node:crypto';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { DISCOUNT_KINDS, DISCOUNT_TARGETS, DiscountKind, DiscountTarget } from '../discount-rules';

/** A discount on products, brands or categories; the best one per cart line applies. */
@Schema({ collection: 'product_discounts', timestamps: true, versionKey: false })
export class ProductDiscount {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  @Prop({ required: true })
  name: string;

  /** Lowercase copy of `name` for filtering and sorting in any case. */
  @Prop({ required: true })
  nameLower: string;

  @Prop({ type: String, enum: DISCOUNT_KINDS, required: true })
  kind: DiscountKind;

  /** Basis points for `percent` (1250 = 12.5 %), cents for `fixed` (off each unit). */
  @Prop({ required: true, min: 1 })
  value: number;

  @Prop({ type: String, enum: DISCOUNT_TARGETS, required: true })
  target: DiscountTarget;

  /** Ids of the products, brands or categories it applies to. */
  @Prop({ type: [String], required: true })
  targetIds: string[];

  @Prop({ type: Date, default: null })
  startsAt: Date | null;

  /** Exclusive: the discount stops applying at this instant. */
  @Prop({ type: Date, default: null })
  endsAt: Date | null;

  @Prop({ required: true, default: true })
  active: boolean;

  createdAt: Date;
  updatedAt: Date;
}

export type ProductDiscountDocument = HydratedDocument<ProductDiscount>;
export const ProductDiscountSchema = SchemaFactory.createForClass(ProductDiscount);

/** Pricing looks discounts up by the ids of a cart's products, brands and categories. */
ProductDiscountSchema.index({ targetIds: 1, active: 1 });
/** The admin list: each filter or sort, and each equality filter with the default order. */
for (const path of ['nameLower', 'kind', 'target', 'active', 'startsAt', 'endsAt', 'createdAt']) {
  ProductDiscountSchema.index({ [path]: 1, _id: 1 });
}
for (const path of ['kind', 'target', 'active']) {
  ProductDiscountSchema.index({ [path]: 1, createdAt: 1, _id: 1 });
}
