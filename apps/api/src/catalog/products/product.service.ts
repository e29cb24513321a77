import { Inject, Injectable } from '@nestjs/common';
import {
  InsufficientStockError,
  NotFoundError,
  parseMoney,
  ProductArchivedError,
  ValidationError,
} from '@kassa/common';
import { TransactionRunner } from '@kassa/database';
import { catalogConfig, CatalogConfig } from '../../config/catalog.config';
import { BrandRepository } from '../brands/brand.repository';
import { CategoryRepository } from '../categories/category.repository';
import { ProductImageStore } from '../product-images/product-image.store';
import { NamedEntry } from '../shared/named-entry';
import { NamedEntryRepository } from '../shared/named-entry.repository';
import { PatchProductDto, ProductDto } from './dto/product.dto';
import { ProductResponseDto } from './dto/product-response.dto';
import { PriceHistoryRepository } from './price-history.repository';
import { toProductResponse } from './product-response.mapper';
import { NewProduct, ProductChanges, ProductRecord, ProductRepository } from './product.repository';

/**
 * Admin writes on products. Each runs in one transaction with the brand and category counters
 * (so a brand in use cannot be deleted, and a product never points at a deleted one) and with
 * the price history (entry 1 is the first price, every change adds one).
 */
/** A product and a quantity of it, as orders reserve and release stock. */
export interface StockLine {
  productId: string;
  quantity: number;
}

@Injectable()
export class ProductService {
  constructor(
    private readonly products: ProductRepository,
    private readonly brands: BrandRepository,
    private readonly categories: CategoryRepository,
    private readonly priceHistory: PriceHistoryRepository,
    private readonly images: ProductImageStore,
    private readonly transactions: TransactionRunner,
    @Inject(catalogConfig.KEY) private readonly config: CatalogConfig,
  ) {}

  async create(input: ProductDto): Promise<ProductResponseDto> {
    const fields = this.toNewProduct(input);
    return this.transactions.run(async () => {
      const brand = await this.claim(this.brands, 'brandId', 'Brand', fields.brandId);
      const category = await this.claim(
        this.categories,
        'categoryId',
        'Category',
        fields.categoryId,
      );
      const product = await this.products.create(fields);
      await this.priceHistory.record({
        productId: product._id,
        version: 1,
        priceCents: product.priceCents,
      });
      return this.respond(product, brand, category);
    });
  }

  /**
   * Takes the quantity of every line out of stock, or nothing: the first line short of stock
   * throws `INSUFFICIENT_STOCK` (naming the product and what is left), and the caller's
   * transaction takes back what was taken before it.
   */
  async reserveStock(lines: readonly StockLine[]): Promise<void> {
    for (const line of lines) {
      if (!(await this.products.reserveStock(line.productId, line.quantity))) {
        const product = await this.products.findById(line.productId);
        throw new InsufficientStockError(line.productId, product?.stock ?? 0);
      }
    }
  }

  /** Puts the quantity of every line back into stock. */
  async releaseStock(lines: readonly StockLine[]): Promise<void> {
    for (const line of lines) await this.products.releaseStock(line.productId, line.quantity);
  }

  /** PUT: every field replaced, omitted optional ones reset to their defaults. */
  replace(id: string, input: ProductDto): Promise<ProductResponseDto> {
    return this.update(id, this.toNewProduct(input));
  }

  patch(id: string, input: PatchProductDto): Promise<ProductResponseDto> {
    return this.update(id, this.toChanges(input));
  }

  /**
   * DELETE: archives the product (kept for order history), releases its counters and images; an
   * archived product takes no more writes (409).
   */
  async archive(id: string): Promise<void> {
    await this.transactions.run(async () => {
      const archived = await this.products.archive(id);
      if (!archived) {
        await this.requireProduct(id);
        throw new ProductArchivedError(id);
      }
      await this.brands.adjustProductCount(archived.brandId, -1);
      await this.categories.adjustProductCount(archived.categoryId, -1);
      await this.images.deleteAllOf(id);
    });
  }

  private update(id: string, changes: ProductChanges): Promise<ProductResponseDto> {
    return this.transactions.run(async () => {
      const current = await this.requireProduct(id);
      if (current.archived) throw new ProductArchivedError(id);
      const brand = await this.move(
        this.brands,
        'brandId',
        'Brand',
        current.brandId,
        changes.brandId,
      );
      const category = await this.move(
        this.categories,
        'categoryId',
        'Category',
        current.categoryId,
        changes.categoryId,
      );
      const priceChanged =
        changes.priceCents !== undefined && changes.priceCents !== current.priceCents;
      const updated = await this.products.update(
        { id, expected: { archived: false } },
        changes,
        priceChanged,
      );
      if (!updated) throw new ProductArchivedError(id);
      if (priceChanged) {
        await this.priceHistory.record({
          productId: id,
          version: updated.priceVersion,
          priceCents: updated.priceCents,
        });
      }
      return this.respond(updated, brand, category);
    });
  }

  /** Counts a product in on a brand or category, failing when it does not exist (any more). */
  private async claim(
    repository: NamedEntryRepository,
    field: string,
    resource: string,
    id: string,
  ): Promise<NamedEntry> {
    const entry = await repository.adjustProductCount(id, 1);
    if (!entry) {
      throw ValidationError.forField(field, `${resource} ${id} does not exist`);
    }
    return entry;
  }

  /** Moves the product's count from the current entry to the next one when it changes. */
  private async move(
    repository: NamedEntryRepository,
    field: string,
    resource: string,
    currentId: string,
    nextId: string | undefined,
  ): Promise<NamedEntry> {
    if (nextId === undefined || nextId === currentId) {
      const current = await repository.findById(currentId);
      if (!current) {
        throw new Error(`${resource} ${currentId} of a live product is missing`);
      }
      return current;
    }
    const next = await this.claim(repository, field, resource, nextId);
    await repository.adjustProductCount(currentId, -1);
    return next;
  }

  private respond(product: ProductRecord, brand: NamedEntry, category: NamedEntry) {
    const refs = { brands: [brand], categories: [category], currency: this.config.currency };
    return toProductResponse(product, refs);
  }

  private async requireProduct(id: string): Promise<ProductRecord> {
    const product = await this.products.findById(id);
    if (!product) {
      throw new NotFoundError('Product', id);
    }
    return product;
  }

  private toNewProduct(input: ProductDto): NewProduct {
    this.checkCurrency(input.currency);
    return {
      model: input.model,
      brandId: input.brandId.toLowerCase(),
      categoryId: input.categoryId.toLowerCase(),
      description: input.description ?? '',
      priceCents: parseMoney(input.price, 'price'),
      stock: input.stock,
      active: input.active ?? true,
    };
  }

  private toChanges(input: PatchProductDto): ProductChanges {
    for (const [field, value] of Object.entries(input)) {
      if (value === null) {
        throw ValidationError.forField(field, `${field} must not be null`);
      }
    }
    this.checkCurrency(input.currency);
    const { model, brandId, categoryId, description, price, stock, active } = input;
    const changes: ProductChanges = {
      model,
      brandId: brandId?.toLowerCase(),
      categoryId: categoryId?.toLowerCase(),
      description,
      priceCents: price === undefined ? undefined : parseMoney(price, 'price'),
      stock,
      active,
    };
    return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  }

  private checkCurrency(currency: string | undefined): void {
    if (currency !== undefined && currency !== this.config.currency) {
      throw ValidationError.forField(
        'currency',
        `currency must be ${this.config.currency}, the shop currency`,
      );
    }
  }
}
