import { buildDemoCatalog } from '../apps/api/src/seed/demo-catalog';
import { DemoCatalogSeeder } from '../apps/api/src/seed/demo-catalog.seeder';
import { nameBasedUuid } from '../apps/api/src/seed/deterministic-id';
import { TestApp } from './support';
import { useTestApp } from './support/auth';

describe('demo catalog seed (e2e)', () => {
  const catalog = buildDemoCatalog();
  const activeCount = catalog.products.filter((product) => product.active).length;
  const suite = useTestApp({ env: { SEED_DEMO: 'true' } });
  let testApp: TestApp;
  let admin: string;

  beforeAll(async () => {
    ({ testApp, admin } = suite);
  });

  async function brandCounts(): Promise<Record<string, number>> {
    const brands = await testApp.http.get('/brands?limit=100').expect(200);
    return Object.fromEntries(
      brands.body.items.map((brand: { name: string; productCount: number }) => [
        brand.name,
        brand.productCount,
      ]),
    );
  }

  it('loads the catalog at start-up with SEED_DEMO=true', async () => {
    const asGuest = await testApp.http.get('/products?limit=1').expect(200);
    expect(asGuest.body.total).toBe(activeCount);
    const asAdmin = await testApp.http
      .get('/products?limit=1')
      .set('Authorization', admin)
      .expect(200);
    expect(asAdmin.body.total).toBe(catalog.products.length);
    expect((await testApp.http.get('/categories')).body.total).toBe(catalog.categories.length);
  });

  it('keeps the fixed ids, first prices and consistent counters', async () => {
    const id = nameBasedUuid('product:Fender Player Stratocaster Sunburst');
    const product = await testApp.http.get(`/products/${id}`).expect(200);
    expect(product.body).toMatchObject({
      model: 'Fender Player Stratocaster Sunburst',
      brand: { name: 'Fender' },
    });
    const history = await testApp.http.get(`/products/${id}/price-history`).expect(200);
    expect(history.body.items).toEqual([
      expect.objectContaining({ version: 1, price: product.body.price }),
    ]);

    const counts = await brandCounts();
    for (const brand of catalog.brands) {
      expect(counts[brand.name]).toBe(
        catalog.products.filter((p) => p.brandId === brand.id).length,
      );
    }
  });

  it('is idempotent: seeding again inserts nothing and keeps admin changes', async () => {
    const id = nameBasedUuid('product:Boss DS-1 Distortion Standard');
    await testApp.http
      .patch(`/products/${id}`)
      .set('Authorization', admin)
      .send({ price: '1.00' })
      .expect(200);
    const countsBefore = await brandCounts();

    const result = await testApp.app.get(DemoCatalogSeeder).seed();
    expect(result).toEqual({
      brands: catalog.brands.length,
      categories: catalog.categories.length,
      productsInserted: 0,
      productsTotal: catalog.products.length,
    });
    expect(await brandCounts()).toEqual(countsBefore);
    expect((await testApp.http.get(`/products/${id}`)).body.price).toBe('1.00');
    expect(await testApp.connection.collection('products').countDocuments()).toBe(
      catalog.products.length,
    );
  });

  it('leaves a demo product an admin archived archived, without a duplicate', async () => {
    const id = nameBasedUuid('product:Taylor Capo Standard');
    await testApp.http.delete(`/products/${id}`).set('Authorization', admin).expect(204);
    const result = await testApp.app.get(DemoCatalogSeeder).seed();
    expect(result.productsInserted).toBe(0);
    const archived = await testApp.http
      .get(`/products/${id}`)
      .set('Authorization', admin)
      .expect(200);
    expect(archived.body.archived).toBe(true);
  });
});
