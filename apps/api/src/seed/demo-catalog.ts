import { CATEGORY_NOUNS, PRODUCT_LINES, ProductLine } from './demo-catalog.lines';
import { nameBasedUuid, stableInt } from './deterministic-id';

/** A brand or category of the demo catalog. */
export interface DemoNamedEntry {
  id: string;
  name: string;
}

export interface DemoProduct {
  id: string;
  model: string;
  brandId: string;
  categoryId: string;
  description: string;
  priceCents: number;
  stock: number;
  active: boolean;
}

export interface DemoCatalog {
  brands: DemoNamedEntry[];
  categories: DemoNamedEntry[];
  products: DemoProduct[];
}

/** Every seventeenth demo product is inactive, so the demo shows admin-only items too. */
const INACTIVE_EVERY = 17;

/** The demo catalog: 8 brands, 6 categories and some 300 products, identical on every call. */
export function buildDemoCatalog(): DemoCatalog {
  const brands = unique(PRODUCT_LINES.map((line) => line.brand)).map((name) =>
    namedEntry('brand', name),
  );
  const categories = Object.keys(CATEGORY_NOUNS).map((name) => namedEntry('category', name));
  const idOf = (entries: DemoNamedEntry[], name: string) =>
    entries.find((entry) => entry.name === name)!.id;
  const products = PRODUCT_LINES.flatMap((line) =>
    line.lines.flatMap((series) =>
      line.editions.map((edition) => {
        const model = `${line.brand} ${series} ${edition}`;
        return {
          model,
          brandId: idOf(brands, line.brand),
          categoryId: idOf(categories, line.category),
          description: describe(line, series, edition),
          priceCents: priceFor(model, line.price),
          stock: stableInt(`stock:${model}`, 40),
        };
      }),
    ),
  ).map((product, index) => ({
    id: nameBasedUuid(`product:${product.model}`),
    ...product,
    active: (index + 1) % INACTIVE_EVERY !== 0,
  }));
  return { brands, categories, products };
}

function namedEntry(kind: string, name: string): DemoNamedEntry {
  return { id: nameBasedUuid(`${kind}:${name}`), name };
}

function describe(line: ProductLine, series: string, edition: string): string {
  const trait = line.traits[stableInt(`trait:${series}:${edition}`, line.traits.length)];
  const other = line.traits[(line.traits.indexOf(trait) + 1) % line.traits.length];
  return `${line.brand} ${series} ${CATEGORY_NOUNS[line.category]} in ${edition}, with ${trait} and ${other}.`;
}

function priceFor(model: string, [min, max]: [number, number]): number {
  const whole = min + stableInt(`price:${model}`, max - min + 1);
  const cents = stableInt(`cents:${model}`, 2) === 0 ? 99 : 0;
  return whole * 100 + cents;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
