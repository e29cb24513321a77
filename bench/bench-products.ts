import type { PriceHistoryEntry } from '../apps/api/src/catalog/products/schemas/price-history-entry.schema';
import type { Product } from '../apps/api/src/catalog/products/schemas/product.schema';
import { DemoProduct } from '../apps/api/src/seed/demo-catalog';
import { nameBasedUuid, stableInt } from '../apps/api/src/seed/deterministic-id';

/** As in the demo catalog: every seventeenth product is inactive. */
const INACTIVE_EVERY = 17;

/** Extra prices land within ±20 % of their template's. */
const PRICE_SPREAD_PERCENT = 20;

const STOCK_BOUND = 40;

export interface BenchProducts {
  products: Product[];
  /** Entry 1 of each product's price history, as a product created through the API gets. */
  priceHistory: PriceHistoryEntry[];
}

/**
 * `count` products beyond the demo catalog, stored exactly as the seeder stores its own: each is a
 * later edition ("Mk 2", "Mk 3", ...) of a demo product (the templates, with stored brand and
 * category ids), with its own id, price and stock, all derived from its name, so every run loads
 * the same catalog.
 */
export function buildBenchProducts(
  templates: DemoProduct[],
  count: number,
  now: Date,
): BenchProducts {
  if (count > 0 && templates.length === 0) throw new Error('extra products need templates');
  const products = Array.from({ length: count }, (_, index): Product => {
    const template = templates[index % templates.length];
    const model = `${template.model} Mk ${Math.floor(index / templates.length) + 2}`;
    return {
      _id: nameBasedUuid(`bench-product:${model}`),
      model,
      brandId: template.brandId,
      categoryId: template.categoryId,
      description: template.description,
      priceCents: spreadPrice(template.priceCents, model),
      priceVersion: 1,
      stock: stableInt(`bench-stock:${model}`, STOCK_BOUND),
      active: (templates.length + index + 1) % INACTIVE_EVERY !== 0,
      archived: false,
      archivedAt: null,
      imageCount: 0,
      createdAt: now,
      updatedAt: now,
    };
  });
  const priceHistory = products.map((product): PriceHistoryEntry => ({
    _id: nameBasedUuid(`bench-price:${product._id}:1`),
    productId: product._id,
    version: 1,
    priceCents: product.priceCents,
    changedAt: now,
  }));
  return { products, priceHistory };
}

/** How many of the products point at each brand (or category) id. */
export function countBy(products: Product[], key: 'brandId' | 'categoryId'): Map<string, number> {
  const counts = new Map<string, number>();
  for (const product of products) counts.set(product[key], (counts.get(product[key]) ?? 0) + 1);
  return counts;
}

/** The template's price moved by up to ±20 % in whole units, keeping its cents (.99 or .00). */
function spreadPrice(templateCents: number, model: string): number {
  const percent =
    100 - PRICE_SPREAD_PERCENT + stableInt(`bench-price:${model}`, 2 * PRICE_SPREAD_PERCENT + 1);
  const cents = templateCents % 100;
  const whole = Math.max(1, Math.round(((templateCents - cents) * percent) / 100 / 100));
  return whole * 100 + cents;
}
