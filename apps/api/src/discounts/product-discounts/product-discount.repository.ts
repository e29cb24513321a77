import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ListQuery } from '@kassa/common';
import { findPage, RecordOf } from '@kassa/database';
import { Model, trusted } from 'mongoose';
import { ProductDiscount } from './product-discount.schema';

export type ProductDiscountRecord = RecordOf<ProductDiscount>;

export type ProductDiscountFields = Omit<
  ProductDiscountRecord,
  '_id' | 'nameLower' | 'createdAt' | 'updatedAt'
>;

@Injectable()
export class ProductDiscountRepository {
  constructor(@InjectModel(ProductDiscount.name) private readonly model: Model<ProductDiscount>) {}

  async create(fields: ProductDiscountFields): Promise<ProductDiscountRecord> {
    const [created] = await this.model.create([
      { ...fields, nameLower: fields.name.toLowerCase() },
    ]);
    return created.toObject<ProductDiscountRecord>();
  }

  findById(id: string): Promise<ProductDiscountRecord | null> {
    return this.model.findById(id).lean<ProductDiscountRecord>().exec();
  }

  /** Replaces the discount's fields; null when it does not exist. */
  replace(id: string, fields: ProductDiscountFields): Promise<ProductDiscountRecord | null> {
    return this.model
      .findOneAndUpdate(
        { _id: id },
        { $set: { ...fields, nameLower: fields.name.toLowerCase() } },
        { new: true, runValidators: true },
      )
      .lean<ProductDiscountRecord>()
      .exec();
  }

  async delete(id: string): Promise<boolean> {
    return (await this.model.deleteOne({ _id: id })).deletedCount === 1;
  }

  list(query: ListQuery) {
    return findPage<ProductDiscountRecord>(this.model, query);
  }

  /** The switched-on discounts aimed at any of these product, brand or category ids. */
  findActiveTargeting(ids: string[]): Promise<ProductDiscountRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.model
      .find({ targetIds: trusted({ $in: ids }), active: true })
      .lean<ProductDiscountRecord[]>()
      .exec();
  }
}
