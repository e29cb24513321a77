import { TestApp } from './support';
import { bearer, registerAndLogin, useTestApp } from './support/auth';
import {
  createBrand,
  createCategory,
  createProduct,
  uniqueSuffix,
} from './factories/catalog.factory';

describe('product lists (e2e)', () => {
  const tag = uniqueSuffix();
  const suite = useTestApp();
  let testApp: TestApp;
  let admin: string;
  let customer: string;
  const ids: Record<string, string> = {};
  const brands: Record<string, { id: string; name: string }> = {};
  const categories: Record<string, { id: string; name: string }> = {};
  let seededFrom: string;

  const names = (body: { items: { model: string }[] }) =>
    body.items.map((item) => item.model.replace(`${tag} `, ''));

  beforeAll(async () => {
    ({ testApp, admin } = suite);
    customer = bearer((await registerAndLogin(testApp.http, suite.smtp)).accessToken);
    brands.acme = await createBrand(testApp.http, admin, { name: `Acme ${tag}` });
    brands.bolt = await createBrand(testApp.http, admin, { name: `Bolt ${tag}` });
    categories.guitars = await createCategory(testApp.http, admin, { name: `Guitars ${tag}` });
    categories.amps = await createCategory(testApp.http, admin, { name: `Amps ${tag}` });
    seededFrom = new Date(Date.now() - 1000).toISOString();
    const rows: [string, string, string, string, number, boolean, string][] = [
      ['Alpha', 'acme', 'guitars', '10.50', 3, true, 'sunburst finish'],
      ['Bravo', 'acme', 'guitars', '99.99', 0, true, 'black finish'],
      ['Charlie', 'acme', 'amps', '100', 5, true, 'tube amp'],
      ['Delta', 'acme', 'guitars', '55', 2, false, 'sunburst'],
      ['Echo', 'bolt', 'guitars', '20', 1, true, 'sunburst'],
      ['Foxtrot', 'acme', 'guitars', '10.49', 9, true, 'sunburst'],
      ['Golf', 'acme', 'guitars', '42', 4, true, 'Sunburst relic'],
      ['Hotel', 'acme', 'guitars', '75.25', 6, true, 'sunburst'],
      ['India', 'acme', 'amps', '75.25', 1, true, 'SUNBURST amp'],
    ];
    for (const [model, brand, category, price, stock, active, description] of rows) {
      const product = await createProduct(
        testApp.http,
        admin,
        { brandId: brands[brand].id, categoryId: categories[category].id },
        { model: `${tag} ${model}`, price, stock, active, description },
      );
      ids[model] = product.id;
    }
  });

  it('combines a brand-name filter, a price range, search, sort and pagination', async () => {
    const query =
      `filter[brand]=${encodeURIComponent(`ACME ${tag}`)}&filter[price][gte]=10.50&filter[price][lte]=100` +
      `&search=sunburst&sort=-price,model`;
    const page1 = await testApp.http.get(`/products?${query}&limit=2&page=1`).expect(200);
    expect(page1.body).toMatchObject({ page: 1, limit: 2, total: 4, totalPages: 2 });
    expect(names(page1.body)).toEqual(['Hotel', 'India']);
    const page2 = await testApp.http
      .get(`/products?${query}&limit=2&page=2`)
      .set('Authorization', customer)
      .expect(200);
    expect(names(page2.body)).toEqual(['Golf', 'Alpha']);
    expect(page2.body.items[1]).toMatchObject({
      id: ids.Alpha,
      price: '10.50',
      brand: { id: brands.acme.id, name: brands.acme.name },
    });

    const asAdmin = await testApp.http
      .get(`/products?${query}&limit=10`)
      .set('Authorization', admin)
      .expect(200);
    expect(names(asAdmin.body)).toEqual(['Hotel', 'India', 'Delta', 'Golf', 'Alpha']);
    const activeOnly = await testApp.http
      .get(`/products?${query}&limit=10&filter[active]=true`)
      .set('Authorization', admin)
      .expect(200);
    expect(names(activeOnly.body)).toEqual(['Hotel', 'India', 'Golf', 'Alpha']);
  });

  it('filters categories by name (in), stock, and sorts on stock then model descending', async () => {
    const response = await testApp.http
      .get(
        `/products?filter[category][in]=${encodeURIComponent(`GUITARS ${tag},amps ${tag}`)}` +
          `&filter[stock][gt]=0&search=${tag}&sort=stock,-model`,
      )
      .expect(200);
    expect(names(response.body)).toEqual([
      'India',
      'Echo',
      'Alpha',
      'Golf',
      'Charlie',
      'Hotel',
      'Foxtrot',
    ]);
  });

  it('filters by brand and category ids, and excludes a brand by name', async () => {
    const byIds = await testApp.http
      .get(
        `/products?filter[brandId][in]=${brands.bolt.id}&filter[categoryId]=${categories.guitars.id}`,
      )
      .expect(200);
    expect(names(byIds.body)).toEqual(['Echo']);
    const notAcme = await testApp.http
      .get(`/products?filter[brand][ne]=${encodeURIComponent(`Acme ${tag}`)}&search=${tag}`)
      .expect(200);
    expect(names(notAcme.body)).toEqual(['Echo']);
    const nobody = await testApp.http.get(`/products?filter[brand]=nobody-${tag}`).expect(200);
    expect(nobody.body).toMatchObject({ items: [], total: 0, totalPages: 0 });
  });

  it('filters on creation time and sorts by model by default', async () => {
    const recent = await testApp.http
      .get(`/products?filter[createdAt][gte]=${seededFrom}&search=${tag}`)
      .expect(200);
    expect(names(recent.body)).toEqual([
      'Alpha',
      'Bravo',
      'Charlie',
      'Echo',
      'Foxtrot',
      'Golf',
      'Hotel',
      'India',
    ]);
    const old = await testApp.http
      .get(`/products?filter[createdAt][lt]=2000-01-01T00:00:00Z&search=${tag}`)
      .expect(200);
    expect(old.body.total).toBe(0);
  });

  it('searches the description case-insensitively and treats regex characters literally', async () => {
    const tube = await testApp.http
      .get(`/products?search=TUBE&filter[brandId]=${brands.acme.id}`)
      .expect(200);
    expect(names(tube.body)).toEqual(['Charlie']);
    const literal = await testApp.http
      .get(`/products?search=${encodeURIComponent('.*')}&filter[brandId]=${brands.acme.id}`)
      .expect(200);
    expect(literal.body.total).toBe(0);
  });

  it.each([
    'filter[price][$where]=1',
    'filter[$or][0][model]=x',
    'filter[$or]=x',
    'sort=$natural',
    'filter[price][$gt]=0',
    'filter[model][$regex]=.*',
    'filter[priceCents]=100',
    'sort=priceCents',
    'filter[brand][gt]=a',
    'filter[description]=x',
    'search[$ne]=x',
    'filter[price]=12.345',
    'filter[price][gte]=-1',
    'filter[brandId]=not-a-uuid',
    'filter[stock][in]=1,x',
    'filter[active]=true',
    'limit=101',
    'page=0',
    'where=1',
  ])('refuses %s with 400', async (query) => {
    const response = await testApp.http.get(`/products?${query}`).expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses admins too when they name a storage path or operator', async () => {
    for (const query of ['filter[archived][$ne]=x', 'sort=$natural', 'filter[$where]=1']) {
      await testApp.http.get(`/products?${query}`).set('Authorization', admin).expect(400);
    }
  });
});
