import { Injectable } from '@nestjs/common';
import { ListQuery, NotFoundError, Page, toPage } from '@kassa/common';
import { DiscountableProduct, ProductDiscountRule } from '../discount-rules';
import { checkWindow, showValue, toStoredValue } from '../discount-value';
import { PatchProductDiscountDto, ProductDiscountDto } from './product-discount.dto';
import {
  ProductDiscountFields,
  ProductDiscountRecord,
  ProductDiscountRepository,
} from './product-discount.repository';

function toFields(input: ProductDiscountDto): ProductDiscountFields {
  checkWindow(input.startsAt, input.endsAt);
  return {
    name: input.name,
    ...toStoredValue(input),
    target: input.target,
    targetIds: [...new Set(input.targetIds.map((id) => id.toLowerCase()))],
    startsAt: input.startsAt ?? null,
    endsAt: input.endsAt ?? null,
    active: input.active ?? true,
  };
}

/** The discount as it stands, in the shape a client sends, so a PATCH can be laid over it. */
function asInput(record: ProductDiscountRecord): ProductDiscountDto {
  const { type, percent, amount } = showValue(record);
  return {
    name: record.name,
    type,
    percent: percent ?? undefined,
    amount: amount ?? undefined,
    target: record.target,
    targetIds: [...record.targetIds],
    startsAt: record.startsAt,
    endsAt: record.endsAt,
    active: record.active,
  };
}

/** Admin management of product discounts, and the ones pricing needs. */
@Injectable()
export class ProductDiscountService {
  constructor(private readonly discounts: ProductDiscountRepository) {}

  create(input: ProductDiscountDto): Promise<ProductDiscountRecord> {
    return this.discounts.create(toFields(input));
  }

  async get(id: string): Promise<ProductDiscountRecord> {
    const discount = await this.discounts.findById(id);
    if (!discount) throw new NotFoundError('Discount', id);
    return discount;
  }

  async list(query: ListQuery): Promise<Page<ProductDiscountRecord>> {
    const page = await this.discounts.list(query);
    return toPage(page.items, page.total, query);
  }

  async replace(id: string, input: ProductDiscountDto): Promise<ProductDiscountRecord> {
    const replaced = await this.discounts.replace(id, toFields(input));
    if (!replaced) throw new NotFoundError('Discount', id);
    return replaced;
  }

  /** Lays the given fields over the discount; switching the type needs the new value too. */
  async patch(id: string, changes: PatchProductDiscountDto): Promise<ProductDiscountRecord> {
    const current = asInput(await this.get(id));
    const typeChanged = changes.type !== undefined && changes.type !== current.type;
    const base = typeChanged ? { ...current, percent: undefined, amount: undefined } : current;
    return this.replace(id, { ...base, ...changes });
  }

  async delete(id: string): Promise<void> {
    if (!(await this.discounts.delete(id))) throw new NotFoundError('Discount', id);
  }

  /** The switched-on discounts that may apply to these products (pricing picks the best). */
  forProducts(products: DiscountableProduct[]): Promise<ProductDiscountRule[]> {
    const ids = products.flatMap((product) => [product._id, product.brandId, product.categoryId]);
    return this.discounts.findActiveTargeting([...new Set(ids)]);
  }
}
