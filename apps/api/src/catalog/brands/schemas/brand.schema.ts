import { randomUUID } from 'node:crypto';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

@Schema({ collection: 'brands', timestamps: true, versionKey: false })
export class Brand {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  @Prop({ required: true })
  name: string;

  /** Normalised lowercase copy of `name`: case-insensitive uniqueness, filtering and sorting. */
  @Prop({ required: true })
  nameLower: string;

  /** Live products of this brand, kept in the same transaction as every product write. */
  @Prop({ required: true, default: 0, min: 0 })
  productCount: number;

  createdAt: Date;
  updatedAt: Date;
}

export type BrandDocument = HydratedDocument<Brand>;
export const BrandSchema = SchemaFactory.createForClass(Brand);

BrandSchema.index({ nameLower: 1 }, { unique: true });
BrandSchema.index({ nameLower: 1, _id: 1 });
BrandSchema.index({ createdAt: 1, _id: 1 });
BrandSchema.index({ productCount: 1, _id: 1 });
