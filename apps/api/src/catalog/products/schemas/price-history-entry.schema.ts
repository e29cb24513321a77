import { randomUUID } from 'node:crypto';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/** One price a product had: entry 1 is its first price, each change adds the next version. */
@Schema({
  collection: 'product_price_history',
  timestamps: { createdAt: 'changedAt', updatedAt: false },
  versionKey: false,
})
export class PriceHistoryEntry {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  @Prop({ required: true })
  productId: string;

  /** The product's `priceVersion` this entry records; unique per product. */
  @Prop({ required: true, min: 1 })
  version: number;

  @Prop({ required: true, min: 0 })
  priceCents: number;

  changedAt: Date;
}

export type PriceHistoryEntryDocument = HydratedDocument<PriceHistoryEntry>;
export const PriceHistoryEntrySchema = SchemaFactory.createForClass(PriceHistoryEntry);

PriceHistoryEntrySchema.index({ productId: 1, version: 1 }, { unique: true });
PriceHistoryEntrySchema.index({ productId: 1, changedAt: 1, _id: 1 });
PriceHistoryEntrySchema.index({ productId: 1, priceCents: 1, _id: 1 });
