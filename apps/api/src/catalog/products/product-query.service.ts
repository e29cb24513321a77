import { Inject, Injectable } from '@nestjs/common';
import { ListQuery, NotFoundError, Page, toPage, ValidationError } from '@kassa/common';
import { AuthUser } from '../../access/auth-user';
import { Role } from '../../access/role';
import { CatalogConfig, catalogConfig } from '../../config/catalog.config';
import { BrandRepository } from '../brands/brand.repository';
import { CategoryRepository } from '../categories/category.repository';
import { PriceHistoryRepository } from './price-history.repository';
import { PriceHistoryEntryDto, ProductResponseDto } from './dto/product-response.dto';
import { ADMIN_PRODUCT_LIST_SPEC, NAME_RESOLVED_FILTERS, PRODUCT_LIST_SPEC } from './product-list';
import { toPriceEntryResponse, toProductResponse } from './product-response.mapper';
import { ProductAudience, ProductRecord, ProductRepository } from './product.repository';

const NAME_OPERATORS: Record<string, '$in' | '$nin'> = { $eq: '$in', $in: '$in', $ne: '$nin' };

export function audienceOf(viewer: AuthUser | undefined): ProductAudience {
  return viewer?.role === Role.Admin ? 'admin' : 'public';
}

/** The product list whitelist for this caller: admins may also filter on active and archived. */
export function productListSpecFor(viewer: AuthUser | undefined) {
  return audienceOf(viewer) === 'admin' ? ADMIN_PRODUCT_LIST_SPEC : PRODUCT_LIST_SPEC;
}

/** Catalog reads: guests and customers see active live products only, admins see all. */
@Injectable()
export class ProductQueryService {
  constructor(
    private readonly products: ProductRepository,
    private readonly priceHistory: PriceHistoryRepository,
    private readonly brands: BrandRepository,
    private readonly categories: CategoryRepository,
    @Inject(catalogConfig.KEY) private readonly config: CatalogConfig,
  ) {}

  async list(query: ListQuery, viewer: AuthUser | undefined): Promise<Page<ProductResponseDto>> {
    const page = await this.products.list(await this.resolveNameFilters(query), audienceOf(viewer));
    return toPage(await this.present(page.items), page.total, query);
  }

  async get(id: string, viewer: AuthUser | undefined): Promise<ProductResponseDto> {
    const [response] = await this.present([await this.findVisible(id, viewer)]);
    return response;
  }

  async listPriceHistory(
    id: string,
    query: ListQuery,
    viewer: AuthUser | undefined,
  ): Promise<Page<PriceHistoryEntryDto>> {
    await this.findVisible(id, viewer);
    const page = await this.priceHistory.list(id, query);
    const items = page.items.map((entry) => toPriceEntryResponse(entry, this.config.currency));
    return toPage(items, page.total, query);
  }

  /** Responses for products, naming their brands and categories (two queries at most). */
  async present(products: ProductRecord[]): Promise<ProductResponseDto[]> {
    const [brands, categories] = await Promise.all([
      this.brands.findNames(unique(products.map((product) => product.brandId))),
      this.categories.findNames(unique(products.map((product) => product.categoryId))),
    ]);
    const refs = { brands, categories, currency: this.config.currency };
    return products.map((product) => toProductResponse(product, refs));
  }

  /** Products in whatever state (archived and inactive included), for pricing and orders. */
  findByIds(ids: string[]): Promise<ProductRecord[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.products.findByIds([...new Set(ids)]);
  }

  /** The product if this viewer may see it; 404 otherwise, so hidden ones are not revealed. */
  async findVisible(id: string, viewer: AuthUser | undefined): Promise<ProductRecord> {
    const product =
      audienceOf(viewer) === 'admin'
        ? await this.products.findById(id)
        : await this.products.findPubliclyVisible(id);
    if (!product) {
      throw new NotFoundError('Product', id);
    }
    return product;
  }

  /** `filter[brand]=Fender` → a condition on `brandId` with the ids of the named brands. */
  private async resolveNameFilters(query: ListQuery): Promise<ListQuery> {
    const filter = { ...query.filter };
    const conditions: Record<string, unknown>[] = [];
    for (const [field, path] of Object.entries(NAME_RESOLVED_FILTERS)) {
      const condition = filter[field] as Record<string, unknown> | undefined;
      if (!condition) {
        continue;
      }
      delete filter[field];
      const repository = field === 'brand' ? this.brands : this.categories;
      for (const [operator, value] of Object.entries(condition)) {
        const idOperator = NAME_OPERATORS[operator];
        if (!idOperator) {
          throw ValidationError.forField(`filter[${field}]`, `filter[${field}] takes eq, ne or in`);
        }
        const ids = await repository.findIdsByNames(Array.isArray(value) ? value : [value]);
        conditions.push({ [path]: { [idOperator]: ids } });
      }
    }
    return conditions.length > 0 ? { ...query, filter: { ...filter, $and: conditions } } : query;
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
