import { createHash, randomUUID } from 'node:crypto';
import { Connection } from 'mongoose';
import { Role } from '../../../apps/api/src/access/role';
import { BrandService } from '../../../apps/api/src/catalog/brands/brand.service';
import { CategoryService } from '../../../apps/api/src/catalog/categories/category.service';
import { PRODUCT_IMAGE_LIST_SPEC } from '../../../apps/api/src/catalog/product-images/product-image-list';
import { ProductImageService } from '../../../apps/api/src/catalog/product-images/product-image.service';
import { ProductQueryService } from '../../../apps/api/src/catalog/products/product-query.service';
import {
  ADMIN_PRODUCT_LIST_SPEC,
  NAME_RESOLVED_FILTERS,
  PRICE_HISTORY_LIST_SPEC,
  PRODUCT_LIST_SPEC,
} from '../../../apps/api/src/catalog/products/product-list';
import { normaliseCatalogName } from '../../../apps/api/src/catalog/shared/catalog-name';
import { NAMED_ENTRY_LIST_SPEC } from '../../../apps/api/src/catalog/shared/named-entry.service';
import { DISCOUNT_KINDS, DISCOUNT_TARGETS } from '../../../apps/api/src/discounts/discount-rules';
import { PRODUCT_DISCOUNT_LIST_SPEC } from '../../../apps/api/src/discounts/product-discounts/product-discount-list';
import { ProductDiscountService } from '../../../apps/api/src/discounts/product-discounts/product-discount.service';
import { PROMO_CODE_LIST_SPEC } from '../../../apps/api/src/discounts/promo-codes/promo-code-list';
import { PromoCodeService } from '../../../apps/api/src/discounts/promo-codes/promo-code.service';
import { callerOf, ListCase, ListGroup } from './list-cases';
import { seedMany, seedValue as v, SEEDED_PER_COLLECTION } from './list-seed';
import { MediumContext } from './medium-context';

const IMAGE_CHUNK_SIZE = 261_120;

/** A brand's or category's page sorted by price within a price range, total included. */
function shopPageCases(names: { brand: string; category: string }): ListCase[] {
  return (['brand', 'category'] as const).map((field) => ({
    title: `filter[${field}]=${names[field]}&filter[price][lte]=500.00&sort=-price`,
    query: { filter: { [field]: names[field], price: { lte: '500.00' } }, sort: '-price' },
    ordered: true,
    counted: true,
    pageBounds: [NAME_RESOLVED_FILTERS[field], 'priceCents'],
    countBounds: [NAME_RESOLVED_FILTERS[field], 'priceCents'],
  }));
}

/**
 * The catalog's lists: brands, categories, products (public and admin), a product's price
 * history and images, product discounts and promo codes.
 */
export function catalogLists(context: MediumContext): ListGroup {
  const seeded = { productId: '' };
  const admin = callerOf(randomUUID(), Role.Admin);
  const products = () => context.get(ProductQueryService);
  const names = { brand: 'Brand 001', category: 'Category 002' };
  return {
    seed: async () => {
      seeded.productId = await seedCatalog(context.connection);
    },
    lists: [
      {
        name: 'brands',
        spec: NAMED_ENTRY_LIST_SPEC,
        collection: 'brands',
        serve: (query) => context.get(BrandService).list(query),
      },
      {
        name: 'categories',
        spec: NAMED_ENTRY_LIST_SPEC,
        collection: 'categories',
        serve: (query) => context.get(CategoryService).list(query),
      },
      {
        name: 'products (public)',
        spec: PRODUCT_LIST_SPEC,
        collection: 'products',
        serve: (query) => products().list(query, undefined),
        samples: names,
        resolvedPaths: NAME_RESOLVED_FILTERS,
        combinations: shopPageCases(names),
      },
      {
        name: 'products (admin)',
        spec: ADMIN_PRODUCT_LIST_SPEC,
        collection: 'products',
        serve: (query) => products().list(query, admin),
        samples: names,
        resolvedPaths: NAME_RESOLVED_FILTERS,
        combinations: shopPageCases(names),
      },
      {
        name: 'price history',
        spec: PRICE_HISTORY_LIST_SPEC,
        collection: 'product_price_history',
        serve: (query) => products().listPriceHistory(seeded.productId, query, undefined),
      },
      {
        name: 'product images',
        spec: PRODUCT_IMAGE_LIST_SPEC,
        collection: 'product_images.files',
        serve: (query) => context.get(ProductImageService).list(seeded.productId, query, undefined),
      },
      {
        name: 'product discounts',
        spec: PRODUCT_DISCOUNT_LIST_SPEC,
        collection: 'product_discounts',
        serve: (query) => context.get(ProductDiscountService).list(query),
      },
      {
        name: 'promo codes',
        spec: PROMO_CODE_LIST_SPEC,
        collection: 'promo_codes',
        serve: (query) => context.get(PromoCodeService).list(query),
      },
    ],
  };
}

/** Seeds every catalog list; returns the product whose price history and images are listed. */
async function seedCatalog(connection: Connection): Promise<string> {
  const named = (prefix: string) => (i: number) => {
    const name = `${prefix} ${String(i).padStart(3, '0')}`;
    return {
      name,
      nameLower: normaliseCatalogName(name),
      productCount: v.number(i, 50),
      createdAt: v.at(i, 7),
    };
  };
  const brandIds: string[] = [];
  const categoryIds: string[] = [];
  await seedMany(connection, 'Brand', (i) => ({
    _id: (brandIds[i] = randomUUID()),
    ...named('Brand')(i),
  }));
  await seedMany(connection, 'Category', (i) => ({
    _id: (categoryIds[i] = randomUUID()),
    ...named('Category')(i),
  }));
  const productIds: string[] = [];
  await seedMany(connection, 'Product', (i) => ({
    _id: (productIds[i] = randomUUID()),
    model: `Model ${String(v.number(i, 1000)).padStart(3, '0')}`,
    brandId: brandIds[i % 6],
    categoryId: categoryIds[i % 5],
    description: 'Seeded for the list plans',
    priceCents: 100 + v.number(i, 50_000),
    priceVersion: 1,
    stock: v.number(i, 40),
    active: i % 4 !== 0,
    archived: i % 5 === 0,
    archivedAt: i % 5 === 0 ? v.at(i) : null,
    createdAt: v.at(i, 11),
  }));
  /** A live, active product: half of the price history and images belong to it. */
  const productId = productIds[1];
  const otherProduct = (i: number) => productIds[2 + (i % 40)];
  await seedMany(connection, 'PriceHistoryEntry', (i) => ({
    productId: i % 2 === 0 ? productId : otherProduct(i),
    version: Math.floor(i / 2) + 1,
    priceCents: 100 + v.number(i, 20_000),
    changedAt: v.at(SEEDED_PER_COLLECTION - 1 - i),
  }));
  await seedMany(connection, 'ProductImageFile', (i) => {
    const id = randomUUID();
    return {
      _id: id,
      length: 1000 + v.number(i, 90_000),
      chunkSize: IMAGE_CHUNK_SIZE,
      uploadDate: v.at(i, 13),
      filename: id,
      metadata: {
        productId: i % 2 === 0 ? productId : otherProduct(i),
        contentType: 'image/png',
        sha256: createHash('sha256').update(id).digest('hex'),
      },
    };
  });
  await seedMany(connection, 'ProductDiscount', (i) => ({
    name: `Discount ${i}`,
    nameLower: `discount ${i}`,
    kind: v.pick(DISCOUNT_KINDS, i),
    value: 5 + v.number(i, 20),
    target: v.pick(DISCOUNT_TARGETS, i),
    targetIds: [productIds[i % 40]],
    startsAt: v.at(i, 7),
    endsAt: v.later(1 + v.number(i, 48)),
    active: i % 3 !== 0,
    createdAt: v.at(i, 11),
  }));
  await seedMany(connection, 'PromoCode', (i) => ({
    code: `SEED${i}`,
    codeKey: `SEED${i}`,
    kind: v.pick(DISCOUNT_KINDS, i),
    value: 5 + v.number(i, 20),
    startsAt: v.at(i, 7),
    endsAt: v.later(1 + v.number(i, 48)),
    active: i % 3 !== 0,
    usedCount: v.number(i, 30),
    createdAt: v.at(i, 11),
  }));
  return productId;
}
