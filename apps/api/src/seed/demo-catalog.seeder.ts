import { Injectable, Logger } from '@nestjs/common';
import { TransactionRunner } from '@kassa/database';
import { buildDemoCatalog, DemoProduct } from './demo-catalog';
import { DemoCatalogRepository } from './demo-catalog.repository';

export interface SeedResult {
  brands: number;
  categories: number;
  productsInserted: number;
  productsTotal: number;
}

/**
 * Loads the deterministic demo catalog in one transaction: brands and categories by name,
 * products by their fixed ids; what exists already is left as it is, and the product counters
 * and first price-history entries are written for exactly the products inserted.
 */
@Injectable()
export class DemoCatalogSeeder {
  private readonly logger = new Logger(DemoCatalogSeeder.name);

  constructor(
    private readonly repository: DemoCatalogRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async seed(): Promise<SeedResult> {
    const catalog = buildDemoCatalog();
    const inserted = await this.transactions.run(async () => {
      const brandIds = await this.repository.ensureBrands(catalog.brands);
      const categoryIds = await this.repository.ensureCategories(catalog.categories);
      const products = catalog.products.map((product) => ({
        ...product,
        brandId: brandIds.get(product.brandId)!,
        categoryId: categoryIds.get(product.categoryId)!,
      }));
      const added = await this.repository.insertMissingProducts(products);
      await this.repository.addProductCounts('brands', countBy(added, 'brandId'));
      await this.repository.addProductCounts('categories', countBy(added, 'categoryId'));
      await this.repository.recordFirstPrices(added);
      return added.length;
    });
    const result = {
      brands: catalog.brands.length,
      categories: catalog.categories.length,
      productsInserted: inserted,
      productsTotal: catalog.products.length,
    };
    this.logger.log(
      `Demo catalog: ${result.brands} brands, ${result.categories} categories, ` +
        `${result.productsInserted} of ${result.productsTotal} products inserted`,
    );
    return result;
  }
}

function countBy(products: DemoProduct[], key: 'brandId' | 'categoryId'): Map<string, number> {
  const counts = new Map<string, number>();
  for (const product of products) {
    counts.set(product[key], (counts.get(product[key]) ?? 0) + 1);
  }
  return counts;
}
