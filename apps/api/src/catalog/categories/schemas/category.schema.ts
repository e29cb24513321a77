import { randomUUID } from 'node:crypto';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

@Schema({ collection: 'categories', timestamps: true, versionKey: false })
export class Category {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  @Prop({ required: true })
  name: string;

  /** Normalised lowercase copy of `name`: case-insensitive uniqueness, filtering and sorting. */
  @Prop({ required: true })
  nameLower: string;

  /** Live products in this category, kept in the same transaction as every product write. */
  @Prop({ required: true, default: 0, min: 0 })
  productCount: number;

  createdAt: Date;
  updatedAt: Date;
}

export type CategoryDocument = HydratedDocument<Category>;
export const CategorySchema = SchemaFactory.createForClass(Category);

CategorySchema.index({ nameLower: 1 }, { unique: true });
CategorySchema.index({ nameLower: 1, _id: 1 });
CategorySchema.index({ createdAt: 1, _id: 1 });
CategorySchema.index({ productCount: 1, _id: 1 });
