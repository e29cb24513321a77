import { Inject, Injectable } from '@nestjs/common';
import { formatMoney } from '@kassa/common';
import { catalogConfig, CatalogConfig } from '../../config/catalog.config';
import { BrandRepository } from '../brands/brand.repository';
import { CategoryRepository } from '../categories/category.repository';
import { NamedEntry, NamedEntryRef } from '../shared/named-entry';
import { PriceHistoryEntryDto, ProductResponseDto } from './dto/product-response.dto';
import { ProductRecord } from './product.repository';
import { PriceHistoryEntry } from './schemas/price-history-entry.schema';

/** Known brand and category entries, by id, that a product response names. */
export interface ProductRefs {
  brands: NamedEntry[];
  categories: NamedEntry[];
}

/** Builds product responses: money as two-decimal strings with the shop currency, refs named. */
@Injectable()
export class ProductPresenter {
  constructor(
    private readonly brands: BrandRepository,
    private readonly categories: CategoryRepository,
    @Inject(catalogConfig.KEY) private readonly config: CatalogConfig,
  ) {}

  /** Responses for several products, loading their brands and categories in two queries. */
  async presentAll(products: ProductRecord[]): Promise<ProductResponseDto[]> {
    const [brands, categories] = await Promise.all([
      this.brands.findByIds(unique(products.map((product) => product.brandId))),
      this.categories.findByIds(unique(products.map((product) => product.categoryId))),
    ]);
    return products.map((product) => this.present(product, { brands, categories }));
  }

  async presentOne(product: ProductRecord): Promise<ProductResponseDto> {
    const [response] = await this.presentAll([product]);
    return response;
  }

  present(product: ProductRecord, refs: ProductRefs): ProductResponseDto {
    return {
      id: product._id,
      model: product.model,
      brandId: product.brandId,
      brand: refOf(product.brandId, refs.brands),
      categoryId: product.categoryId,
      category: refOf(product.categoryId, refs.categories),
      description: product.description,
      price: formatMoney(product.priceCents),
      currency: this.config.currency,
      stock: product.stock,
      active: product.active,
      archived: product.archived,
      imageCount: product.imageCount,
      createdAt: product.createdAt.toISOString(),
      updatedAt: product.updatedAt.toISOString(),
    };
  }

  presentPriceEntry(entry: PriceHistoryEntry): PriceHistoryEntryDto {
    return {
      version: entry.version,
      price: formatMoney(entry.priceCents),
      currency: this.config.currency,
      changedAt: entry.changedAt.toISOString(),
    };
  }
}

function refOf(id: string, entries: NamedEntry[]): NamedEntryRef {
  return { id, name: entries.find((entry) => entry._id === id)?.name ?? null };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
