import { Injectable } from '@nestjs/common';
import { ListQuery, NotFoundError, parseListQuery, toPage, ValidationError } from '@kassa/common';
import { AuthUser } from '../../auth/auth-user';
import { Role } from '../../users/role';
import { BrandRepository } from '../brands/brand.repository';
import { CategoryRepository } from '../categories/category.repository';
import { PriceHistoryRepository } from './price-history.repository';
import {
  ADMIN_PRODUCT_LIST_SPEC,
  NAME_RESOLVED_FILTERS,
  PRICE_HISTORY_LIST_SPEC,
  PRODUCT_LIST_SPEC,
} from './product-list';
import { ProductPresenter } from './product.presenter';
import { ProductAudience, ProductRecord, ProductRepository } from './product.repository';

const NAME_OPERATORS: Record<string, '$in' | '$nin'> = { $eq: '$in', $in: '$in', $ne: '$nin' };

export function audienceOf(viewer: AuthUser | undefined): ProductAudience {
  return viewer?.role === Role.Admin ? 'admin' : 'public';
}

/** Catalog reads: guests and customers see active live products only, admins see all. */
@Injectable()
export class ProductQueryService {
  constructor(
    private readonly products: ProductRepository,
    private readonly priceHistory: PriceHistoryRepository,
    private readonly brands: BrandRepository,
    private readonly categories: CategoryRepository,
    private readonly presenter: ProductPresenter,
  ) {}

  async list(rawQuery: Record<string, unknown>, viewer: AuthUser | undefined) {
    const audience = audienceOf(viewer);
    const spec = audience === 'admin' ? ADMIN_PRODUCT_LIST_SPEC : PRODUCT_LIST_SPEC;
    const query = parseListQuery(rawQuery, spec);
    const page = await this.products.list(await this.resolveNameFilters(query), audience);
    return toPage(await this.presenter.presentAll(page.items), page.total, query);
  }

  async get(id: string, viewer: AuthUser | undefined) {
    return this.presenter.presentOne(await this.findVisible(id, viewer));
  }

  async listPriceHistory(
    id: string,
    rawQuery: Record<string, unknown>,
    viewer: AuthUser | undefined,
  ) {
    const query = parseListQuery(rawQuery, PRICE_HISTORY_LIST_SPEC);
    await this.findVisible(id, viewer);
    const page = await this.priceHistory.list(id, query);
    return toPage(
      page.items.map((entry) => this.presenter.presentPriceEntry(entry)),
      page.total,
      query,
    );
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
