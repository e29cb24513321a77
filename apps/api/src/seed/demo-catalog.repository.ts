import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { AnyBulkWriteOperation, Model, trusted } from 'mongoose';
import { Brand } from '../catalog/brands/schemas/brand.schema';
import { Category } from '../catalog/categories/schemas/category.schema';
import { PriceHistoryEntry } from '../catalog/products/schemas/price-history-entry.schema';
import { Product } from '../catalog/products/schemas/product.schema';
import { normaliseCatalogName } from '../catalog/shared/catalog-name';
import { NamedEntry } from '../catalog/shared/named-entry';
import { DemoNamedEntry, DemoProduct } from './demo-catalog';

/** Idempotent bulk writes of the demo catalog: inserts what is missing, never overwrites. */
@Injectable()
export class DemoCatalogRepository {
  constructor(
    @InjectModel(Brand.name) private readonly brands: Model<NamedEntry>,
    @InjectModel(Category.name) private readonly categories: Model<NamedEntry>,
    @InjectModel(Product.name) private readonly products: Model<Product>,
    @InjectModel(PriceHistoryEntry.name) private readonly priceHistory: Model<PriceHistoryEntry>,
  ) {}

  /**
   * Makes sure each demo brand exists, found by its fixed id or by its name ignoring case (so a
   * renamed one, or one an admin created first, is reused), and maps demo ids to stored ids.
   */
  ensureBrands(entries: DemoNamedEntry[]): Promise<Map<string, string>> {
    return this.ensureNamed(this.brands, entries);
  }

  ensureCategories(entries: DemoNamedEntry[]): Promise<Map<string, string>> {
    return this.ensureNamed(this.categories, entries);
  }

  /** Inserts the products that do not exist yet; returns the ones inserted. */
  async insertMissingProducts(products: DemoProduct[]): Promise<DemoProduct[]> {
    const now = new Date();
    const operations: AnyBulkWriteOperation<Product>[] = products.map(({ id, ...fields }) => ({
      updateOne: {
        filter: { _id: id },
        update: {
          $setOnInsert: {
            ...fields,
            priceVersion: 1,
            archived: false,
            archivedAt: null,
            imageCount: 0,
            createdAt: now,
            updatedAt: now,
          },
        },
        upsert: true,
      },
    }));
    const result = await this.products.bulkWrite(operations, { ordered: true, timestamps: false });
    return Object.keys(result.upsertedIds).map((index) => products[Number(index)]);
  }

  async addProductCounts(
    target: 'brands' | 'categories',
    countsById: Map<string, number>,
  ): Promise<void> {
    if (countsById.size === 0) {
      return;
    }
    const model = target === 'brands' ? this.brands : this.categories;
    await model.bulkWrite(
      [...countsById].map(([id, count]) => ({
        updateOne: { filter: { _id: id }, update: { $inc: { productCount: count } } },
      })),
      { ordered: true, timestamps: false },
    );
  }

  async recordFirstPrices(products: DemoProduct[]): Promise<void> {
    if (products.length === 0) {
      return;
    }
    await this.priceHistory.insertMany(
      products.map((product) => ({
        productId: product.id,
        version: 1,
        priceCents: product.priceCents,
      })),
    );
  }

  private async ensureNamed(
    model: Model<NamedEntry>,
    entries: DemoNamedEntry[],
  ): Promise<Map<string, string>> {
    const now = new Date();
    const keyed = entries.map((entry) => ({
      ...entry,
      nameLower: normaliseCatalogName(entry.name),
    }));
    await model.bulkWrite(
      keyed.map(({ id, name, nameLower }) => ({
        updateOne: {
          filter: { $or: [{ _id: id }, { nameLower }] },
          update: {
            $setOnInsert: {
              _id: id,
              name,
              nameLower,
              productCount: 0,
              createdAt: now,
              updatedAt: now,
            },
          },
          upsert: true,
        },
      })),
      { ordered: true, timestamps: false },
    );
    const stored = await model
      .find(
        {
          $or: [
            { _id: trusted({ $in: keyed.map((entry) => entry.id) }) },
            { nameLower: trusted({ $in: keyed.map((entry) => entry.nameLower) }) },
          ],
        },
        { nameLower: 1 },
      )
      .lean<Pick<NamedEntry, '_id' | 'nameLower'>[]>()
      .exec();
    return new Map(
      keyed.map((entry) => {
        const match =
          stored.find((doc) => doc._id === entry.id) ??
          stored.find((doc) => doc.nameLower === entry.nameLower);
        return [entry.id, match!._id];
      }),
    );
  }
}
