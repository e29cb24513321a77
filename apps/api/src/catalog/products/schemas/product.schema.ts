import { randomUUID } from 'node:crypto';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

@Schema({ collection: 'products', timestamps: true, versionKey: false })
export class Product {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  @Prop({ required: true })
  model: string;

  @Prop({ required: true })
  brandId: string;

  @Prop({ required: true })
  categoryId: string;

  @Prop({ default: '' })
  description: string;

  /** Price in minor units of the shop currency. */
  @Prop({ required: true, min: 0 })
  priceCents: number;

  /** Number of the latest price-history entry; bumped with every price change. */
  @Prop({ required: true, default: 1 })
  priceVersion: number;

  @Prop({ required: true, min: 0 })
  stock: number;

  @Prop({ required: true, default: true })
  active: boolean;

  /** Archived products (DELETE) stay for order history but leave the catalog for good. */
  @Prop({ required: true, default: false })
  archived: boolean;

  @Prop({ type: Date, default: null })
  archivedAt: Date | null;

  /** Stored images; every image write touches it, so image writes and archiving serialise. */
  @Prop({ required: true, default: 0, min: 0 })
  imageCount: number;

  createdAt: Date;
  updatedAt: Date;
}

export type ProductDocument = HydratedDocument<Product>;
export const ProductSchema = SchemaFactory.createForClass(Product);

/**
 * Every list query binds `archived` and `active` by equality: `{archived: false, active: true}`
 * for guests and customers, and for admins `archived` from the filter (default false) and
 * `active` from the filter or `{$in: [false, true]}`. With both keys bound to points, MongoDB
 * walks the one index below per sorted field (merging the point ranges to keep the sort order),
 * and the trailing `_id` serves the tie-break of every sort without a blocking sort. A brand or
 * category is filtered by equality, and its indexes then give the default order (`model`) or the
 * price order, and bound a price range: a shop's brand or category page sorted or filtered by
 * price reads only its own page, and counts its total from the index alone.
 */
for (const path of ['priceCents', 'model', 'createdAt', 'stock']) {
  ProductSchema.index({ archived: 1, active: 1, [path]: 1, _id: 1 });
}
for (const path of ['brandId', 'categoryId']) {
  ProductSchema.index({ archived: 1, active: 1, [path]: 1, model: 1, _id: 1 });
  ProductSchema.index({ archived: 1, active: 1, [path]: 1, priceCents: 1, _id: 1 });
}

/** Model words weigh ten times description words in a relevance-ranked search. */
export const PRODUCT_TEXT_WEIGHTS = { model: 10, description: 1 } as const;

/**
 * The text index behind `sort=relevance` (a `$text` word search ranked by `textScore`). Brand
 * and category names are not stored on the product, so they are not searched.
 */
ProductSchema.index(
  { model: 'text', description: 'text' },
  { weights: PRODUCT_TEXT_WEIGHTS, name: 'products_text' },
);
