import { formatMoney } from '@kassa/common';
import { EntryName } from '../shared/name-cache';
import { NamedEntryRef } from '../shared/named-entry';
import { PriceHistoryEntryDto, ProductResponseDto } from './dto/product-response.dto';
import { ProductRecord } from './product.repository';
import { PriceHistoryEntry } from './schemas/price-history-entry.schema';

/** What a product response names besides the product: its brand and category, the currency. */
export interface ProductRefs {
  brands: EntryName[];
  categories: EntryName[];
  currency: string;
}

function refOf(id: string, entries: EntryName[]): NamedEntryRef {
  return { id, name: entries.find((entry) => entry._id === id)?.name ?? null };
}

/** A product response: money as a two-decimal string with the shop currency, refs named. */
export function toProductResponse(product: ProductRecord, refs: ProductRefs): ProductResponseDto {
  return {
    id: product._id,
    model: product.model,
    brandId: product.brandId,
    brand: refOf(product.brandId, refs.brands),
    categoryId: product.categoryId,
    category: refOf(product.categoryId, refs.categories),
    description: product.description,
    price: formatMoney(product.priceCents),
    currency: refs.currency,
    stock: product.stock,
    active: product.active,
    archived: product.archived,
    imageCount: product.imageCount,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}

export function toPriceEntryResponse(
  entry: PriceHistoryEntry,
  currency: string,
): PriceHistoryEntryDto {
  return {
    version: entry.version,
    price: formatMoney(entry.priceCents),
    currency,
    changedAt: entry.changedAt.toISOString(),
  };
}
