import { buildDemoCatalog } from './demo-catalog';
import { nameBasedUuid } from './deterministic-id';

describe(buildDemoCatalog.name, () => {
  const catalog = buildDemoCatalog();

  it('is identical on every call', () => {
    expect(buildDemoCatalog()).toEqual(catalog);
  });

  it('has 8 brands, 6 categories and about 300 products', () => {
    expect(catalog.brands).toHaveLength(8);
    expect(catalog.categories).toHaveLength(6);
    expect(catalog.products.length).toBeGreaterThanOrEqual(250);
    expect(catalog.products.length).toBeLessThanOrEqual(350);
  });

  it('derives ids from names', () => {
    const fender = catalog.brands.find((brand) => brand.name === 'Fender');
    expect(fender?.id).toBe(nameBasedUuid('brand:Fender'));
    for (const product of catalog.products) {
      expect(product.id).toBe(nameBasedUuid(`product:${product.model}`));
    }
  });

  it('has unique ids and models, known references and valid values', () => {
    const brandIds = new Set(catalog.brands.map((brand) => brand.id));
    const categoryIds = new Set(catalog.categories.map((category) => category.id));
    expect(new Set(catalog.products.map((product) => product.id)).size).toBe(
      catalog.products.length,
    );
    expect(new Set(catalog.products.map((product) => product.model)).size).toBe(
      catalog.products.length,
    );
    for (const product of catalog.products) {
      expect(brandIds.has(product.brandId)).toBe(true);
      expect(categoryIds.has(product.categoryId)).toBe(true);
      expect(Number.isSafeInteger(product.priceCents) && product.priceCents > 0).toBe(true);
      expect(Number.isInteger(product.stock) && product.stock >= 0).toBe(true);
    }
  });

  it('fills every category and keeps a few products inactive', () => {
    for (const category of catalog.categories) {
      expect(catalog.products.some((product) => product.categoryId === category.id)).toBe(true);
    }
    const inactive = catalog.products.filter((product) => !product.active).length;
    expect(inactive).toBeGreaterThan(0);
    expect(inactive).toBeLessThan(catalog.products.length / 10);
  });
});
