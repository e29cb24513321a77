import { AnyBulkWriteOperation, Db } from 'mongodb';
import type { PriceHistoryEntry } from '../apps/api/src/catalog/products/schemas/price-history-entry.schema';
import type { Product } from '../apps/api/src/catalog/products/schemas/product.schema';
import type { NamedEntry } from '../apps/api/src/catalog/shared/named-entry';
import { normaliseCatalogName } from '../apps/api/src/catalog/shared/catalog-name';
import { buildDemoCatalog, DemoNamedEntry, DemoProduct } from '../apps/api/src/seed/demo-catalog';
import { BenchCatalog } from './bench-case';
import { buildBenchProducts, countBy } from './bench-products';

const INSERT_BATCH = 1_000;

/**
 * Tops the seeded demo catalog up to `totalProducts` products straight through the driver:
 * products, their first price-history entries and the brand and category counters. Run it after
 * `npm run seed`, on a database that holds nothing else of the catalog.
 */
export async function loadCatalog(db: Db, totalProducts: number): Promise<BenchCatalog> {
  const demo = buildDemoCatalog();
  const brandIds = await storedIds(db, 'brands', demo.brands);
  const categoryIds = await storedIds(db, 'categories', demo.categories);
  const templates: DemoProduct[] = demo.products.map((product) => ({
    ...product,
    brandId: brandIds.get(product.brandId)!,
    categoryId: categoryIds.get(product.categoryId)!,
  }));
  const existing = await db.collection('products').countDocuments();
  const extra = buildBenchProducts(templates, Math.max(0, totalProducts - existing), new Date());
  for (let start = 0; start < extra.products.length; start += INSERT_BATCH) {
    const end = start + INSERT_BATCH;
    await db.collection<Product>('products').insertMany(extra.products.slice(start, end));
    await db
      .collection<PriceHistoryEntry>('product_price_history')
      .insertMany(extra.priceHistory.slice(start, end));
  }
  await addProductCounts(db, 'brands', countBy(extra.products, 'brandId'));
  await addProductCounts(db, 'categories', countBy(extra.products, 'categoryId'));
  return describeCatalog(db);
}

/** Demo id → stored id, found by name as the seeder does (it reuses a same-named entry). */
async function storedIds(
  db: Db,
  collection: 'brands' | 'categories',
  entries: DemoNamedEntry[],
): Promise<Map<string, string>> {
  const stored = await db
    .collection<Pick<NamedEntry, '_id' | 'nameLower'>>(collection)
    .find({}, { projection: { nameLower: 1 } })
    .toArray();
  return new Map(
    entries.map((entry) => {
      const match = stored.find((doc) => doc.nameLower === normaliseCatalogName(entry.name));
      if (!match) throw new Error(`${collection}: "${entry.name}" is missing; did the seed run?`);
      return [entry.id, match._id];
    }),
  );
}

async function addProductCounts(
  db: Db,
  collection: 'brands' | 'categories',
  counts: Map<string, number>,
): Promise<void> {
  if (counts.size === 0) return;
  const operations: AnyBulkWriteOperation<Pick<NamedEntry, '_id' | 'productCount'>>[] = [
    ...counts,
  ].map(([id, count]) => ({
    updateOne: { filter: { _id: id }, update: { $inc: { productCount: count } } },
  }));
  await db.collection<Pick<NamedEntry, '_id' | 'productCount'>>(collection).bulkWrite(operations);
}

async function describeCatalog(db: Db): Promise<BenchCatalog> {
  const visible = await db
    .collection<{ _id: string }>('products')
    .find({ active: true, archived: false }, { projection: { _id: 1 } })
    .sort({ _id: 1 })
    .toArray();
  const brands = await db
    .collection<Pick<NamedEntry, 'name'>>('brands')
    .find({}, { projection: { name: 1 } })
    .sort({ name: 1 })
    .toArray();
  return {
    productCount: await db.collection('products').countDocuments(),
    visibleProductIds: visible.map((product) => product._id),
    brandNames: brands.map((brand) => brand.name),
  };
}
