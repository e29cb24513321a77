import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ListQuery } from '@kassa/common';
import { findPage, RecordOf } from '@kassa/database';
import { FilterQuery, Model, trusted } from 'mongoose';
import { Product } from './schemas/product.schema';

export type ProductRecord = RecordOf<Product>;

export type NewProduct = Pick<
  Product,
  'model' | 'brandId' | 'categoryId' | 'description' | 'priceCents' | 'stock' | 'active'
>;

export type ProductChanges = Partial<NewProduct>;

/** A conditional write's target: the product and the state it must still be in. */
export interface ExpectedProduct {
  id: string;
  expected: Partial<Pick<ProductRecord, 'archived'>>;
}

/** Who is looking: guests and customers see live active products, admins everything. */
export type ProductAudience = 'public' | 'admin';

/** Where guests and customers may see a product. */
const PUBLICLY_VISIBLE: FilterQuery<Product> = { archived: false, active: true };

/**
 * The visibility keys a list binds: fixed for the public; for admins live products, active or
 * not, unless their own filter names `archived` or `active`.
 */
function visibilityFilter(clientFilter: Record<string, unknown>, audience: ProductAudience) {
  if (audience === 'public') {
    return PUBLICLY_VISIBLE;
  }
  return {
    ...(!('archived' in clientFilter) && { archived: false }),
    ...(!('active' in clientFilter) && { active: trusted({ $in: [false, true] }) }),
  };
}

@Injectable()
export class ProductRepository {
  constructor(@InjectModel(Product.name) private readonly model: Model<Product>) {}

  async create(input: NewProduct): Promise<ProductRecord> {
    const [created] = await this.model.create([{ ...input, priceVersion: 1 }]);
    return created.toObject<ProductRecord>();
  }

  findById(id: string): Promise<ProductRecord | null> {
    return this.model.findById(id).lean<ProductRecord>().exec();
  }

  findByIds(ids: string[]): Promise<ProductRecord[]> {
    return this.model
      .find({ _id: trusted({ $in: ids }) })
      .lean<ProductRecord[]>()
      .exec();
  }

  findPubliclyVisible(id: string): Promise<ProductRecord | null> {
    return this.model
      .findOne({ ...PUBLICLY_VISIBLE, _id: id })
      .lean<ProductRecord>()
      .exec();
  }

  /** A page of products; the visibility keys are always bound, so every list uses an index. */
  list(query: ListQuery, audience: ProductAudience) {
    return findPage<ProductRecord>(this.model, query, visibilityFilter(query.filter, audience));
  }

  /** Applies changes if the product is in the expected state; a price change bumps its version. */
  update(
    target: ExpectedProduct,
    changes: ProductChanges,
    priceChanged: boolean,
  ): Promise<ProductRecord | null> {
    return this.model
      .findOneAndUpdate(
        { ...target.expected, _id: target.id },
        { $set: changes, ...(priceChanged && { $inc: { priceVersion: 1 } }) },
        { new: true, runValidators: true },
      )
      .lean<ProductRecord>()
      .exec();
  }

  /** Archives a live product and returns it as it was, or null when none was live. */
  archive(id: string): Promise<ProductRecord | null> {
    return this.model
      .findOneAndUpdate(
        { _id: id, archived: false },
        { $set: { archived: true, archivedAt: new Date(), imageCount: 0 } },
        { new: false },
      )
      .lean<ProductRecord>()
      .exec();
  }

  /**
   * Takes `quantity` out of the stock of a live, active product if that much is there: one
   * conditional `$inc`, so concurrent orders never take more than there is.
   */
  async reserveStock(id: string, quantity: number): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, archived: false, active: true, stock: trusted({ $gte: quantity }) },
      { $inc: { stock: -quantity } },
    );
    return result.modifiedCount === 1;
  }

  /** Puts `quantity` back into stock (an order cancelled, expired or returned). */
  async releaseStock(id: string, quantity: number): Promise<void> {
    await this.model.updateOne({ _id: id }, { $inc: { stock: quantity } });
  }

  /**
   * Counts an image in or out of a live product. Archiving writes the same document, so an image
   * write and an archive of one product never interleave. False when the product is not live.
   */
  async adjustImageCount(id: string, delta: number): Promise<boolean> {
    const result = await this.model
      .updateOne({ _id: id, archived: false }, { $inc: { imageCount: delta } })
      .exec();
    return result.matchedCount === 1;
  }
}
