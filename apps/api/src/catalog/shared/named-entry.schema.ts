import { randomUUID } from 'node:crypto';
import { Prop } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/** The stored fields of a uniquely named catalog entry; brands and categories extend it. */
export abstract class NamedEntryFields {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  @Prop({ required: true })
  name: string;

  /** Normalised lowercase copy of `name`: case-insensitive uniqueness, filtering and sorting. */
  @Prop({ required: true })
  nameLower: string;

  /** Live products that point at this entry, kept in the same transaction as every product write. */
  @Prop({ required: true, default: 0, min: 0 })
  productCount: number;

  createdAt: Date;
  updatedAt: Date;
}

/** Unique names, and an index behind every filter and sort of the brand and category lists. */
export function withNamedEntryIndexes<T extends MongooseSchema>(schema: T): T {
  schema.index({ nameLower: 1 }, { unique: true });
  schema.index({ createdAt: 1, _id: 1 });
  schema.index({ productCount: 1, _id: 1 });
  return schema;
}
