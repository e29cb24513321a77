import { buildDemoCatalog, DemoProduct } from '../apps/api/src/seed/demo-catalog';
import { buildBenchProducts, countBy } from './bench-products';

const NOW = new Date('2025-01-02T03:04:05Z');
const TEMPLATES: DemoProduct[] = buildDemoCatalog().products;

describe(buildBenchProducts.name, () => {
  const count = 2 * TEMPLATES.length + 7;
  const { products, priceHistory } = buildBenchProducts(TEMPLATES, count, NOW);

  it('makes the number asked for, each a later edition of a demo product', () => {
    expect(products).toHaveLength(count);
    expect(products[0].model).toBe(`${TEMPLATES[0].model} Mk 2`);
    expect(products[TEMPLATES.length].model).toBe(`${TEMPLATES[0].model} Mk 3`);
    expect(products[0]).toMatchObject({
      brandId: TEMPLATES[0].brandId,
      categoryId: TEMPLATES[0].categoryId,
      description: TEMPLATES[0].description,
    });
  });

  it('stores every field of the product schema, as the demo seeder does', () => {
    expect(products[0]).toEqual({
      _id: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      model: expect.any(String),
      brandId: TEMPLATES[0].brandId,
      categoryId: TEMPLATES[0].categoryId,
      description: TEMPLATES[0].description,
      priceCents: expect.any(Number),
      priceVersion: 1,
      stock: expect.any(Number),
      active: expect.any(Boolean),
      archived: false,
      archivedAt: null,
      imageCount: 0,
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  it('gives ids and models of their own, none shared with the demo catalog', () => {
    const ids = new Set([...TEMPLATES.map((p) => p.id), ...products.map((p) => p._id)]);
    const models = new Set([...TEMPLATES.map((p) => p.model), ...products.map((p) => p.model)]);
    expect(ids.size).toBe(TEMPLATES.length + count);
    expect(models.size).toBe(TEMPLATES.length + count);
  });

  it('is the same on every call', () => {
    expect(buildBenchProducts(TEMPLATES, count, NOW)).toEqual({ products, priceHistory });
  });

  it('keeps prices within ±20 % of the template, in cents ending as the template ends', () => {
    products.forEach((product, index) => {
      const template = TEMPLATES[index % TEMPLATES.length];
      expect(Number.isInteger(product.priceCents)).toBe(true);
      expect(product.priceCents % 100).toBe(template.priceCents % 100);
      expect(product.priceCents).toBeGreaterThanOrEqual(template.priceCents * 0.8 - 100);
      expect(product.priceCents).toBeLessThanOrEqual(template.priceCents * 1.2 + 100);
    });
    expect(new Set(products.map((product) => product.priceCents)).size).toBeGreaterThan(
      TEMPLATES.length,
    );
  });

  it('keeps stock in 0..39', () => {
    for (const product of products) {
      expect(product.stock).toBeGreaterThanOrEqual(0);
      expect(product.stock).toBeLessThan(40);
    }
  });

  it('continues the demo catalog: every seventeenth product of the whole catalog is inactive', () => {
    const inactive = products
      .map((product, index) => (product.active ? undefined : TEMPLATES.length + index + 1))
      .filter((position) => position !== undefined);
    expect(inactive.length).toBeGreaterThan(0);
    expect(inactive.every((position) => position! % 17 === 0)).toBe(true);
    expect(inactive).toHaveLength(
      Math.floor((TEMPLATES.length + count) / 17) - Math.floor(TEMPLATES.length / 17),
    );
  });

  it('records price 1 of each product in its history', () => {
    expect(priceHistory).toHaveLength(count);
    priceHistory.forEach((entry, index) => {
      expect(entry).toEqual({
        _id: expect.any(String),
        productId: products[index]._id,
        version: 1,
        priceCents: products[index].priceCents,
        changedAt: NOW,
      });
    });
    expect(new Set(priceHistory.map((entry) => entry._id)).size).toBe(count);
  });

  it('makes nothing for a count of 0, even without templates', () => {
    expect(buildBenchProducts([], 0, NOW)).toEqual({ products: [], priceHistory: [] });
  });

  it('needs templates to make products', () => {
    expect(() => buildBenchProducts([], 1, NOW)).toThrow('extra products need templates');
  });
});

describe(countBy.name, () => {
  it('counts products per brand and per category, adding up to the total', () => {
    const { products } = buildBenchProducts(TEMPLATES, 1_000, NOW);
    const byBrand = countBy(products, 'brandId');
    const byCategory = countBy(products, 'categoryId');
    const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
    expect(sum(byBrand)).toBe(1_000);
    expect(sum(byCategory)).toBe(1_000);
    const firstBrand = products[0].brandId;
    expect(byBrand.get(firstBrand)).toBe(
      products.filter((product) => product.brandId === firstBrand).length,
    );
  });
});
