import { TestApp } from './support';
import { useTestApp } from './support/auth';
import {
  createBrand,
  createCategory,
  createProduct,
  newProductInput,
} from './factories/catalog.factory';

describe('product prices (e2e)', () => {
  const suite = useTestApp();
  let testApp: TestApp;
  let admin: string;
  let refs: { brandId: string; categoryId: string };

  beforeAll(async () => {
    ({ testApp, admin } = suite);
    const brand = await createBrand(testApp.http, admin);
    const category = await createCategory(testApp.http, admin);
    refs = { brandId: brand.id, categoryId: category.id };
  });

  describe('price history', () => {
    it('has three entries after two price changes, written with the changes', async () => {
      const product = await createProduct(testApp.http, admin, refs, { price: '100' });
      await testApp.http
        .patch(`/products/${product.id}`)
        .set('Authorization', admin)
        .send({ price: '90.5' })
        .expect(200);
      await testApp.http
        .patch(`/products/${product.id}`)
        .set('Authorization', admin)
        .send({ stock: 9 })
        .expect(200);
      await testApp.http
        .patch(`/products/${product.id}`)
        .set('Authorization', admin)
        .send({ price: '90.50' })
        .expect(200);
      await testApp.http
        .put(`/products/${product.id}`)
        .set('Authorization', admin)
        .send(newProductInput(refs, { price: '79.99' }))
        .expect(200);

      const history = await testApp.http.get(`/products/${product.id}/price-history`).expect(200);
      expect(history.body).toMatchObject({ page: 1, limit: 20, total: 3, totalPages: 1 });
      expect(history.body.items).toEqual([
        { version: 1, price: '100.00', currency: 'USD', changedAt: expect.any(String) },
        { version: 2, price: '90.50', currency: 'USD', changedAt: expect.any(String) },
        { version: 3, price: '79.99', currency: 'USD', changedAt: expect.any(String) },
      ]);
      const newestFirst = await testApp.http
        .get(`/products/${product.id}/price-history?sort=-version&limit=1`)
        .expect(200);
      expect(newestFirst.body).toMatchObject({ total: 3, totalPages: 3, items: [{ version: 3 }] });
      const cheap = await testApp.http
        .get(`/products/${product.id}/price-history?filter[price][lt]=95`)
        .expect(200);
      expect(cheap.body.items.map((entry: { price: string }) => entry.price)).toEqual([
        '90.50',
        '79.99',
      ]);
    });
  });

  describe('money', () => {
    it.each([
      ['0.10', '0.10'],
      ['0.20', '0.20'],
      ['12', '12.00'],
      ['12.5', '12.50'],
      ['0', '0.00'],
      ['90071992547409.91', '90071992547409.91'],
    ])('stores %p exactly and answers %p', async (price, answer) => {
      const product = await createProduct(testApp.http, admin, refs, { price });
      expect(product.price).toBe(answer);
      expect((await testApp.http.get(`/products/${product.id}`)).body.price).toBe(answer);
    });

    it('stores "0.10" and "0.20" as exactly 10 and 20 integer cents', async () => {
      const a = await createProduct(testApp.http, admin, refs, { price: '0.10' });
      const b = await createProduct(testApp.http, admin, refs, { price: '0.20' });
      const stored = await testApp.connection
        .collection('products')
        .find({ _id: { $in: [a.id, b.id] } } as never)
        .toArray();
      const cents = Object.fromEntries(stored.map((product) => [product._id, product.priceCents]));
      expect(cents).toEqual({ [a.id]: 10, [b.id]: 20 });
    });

    it.each(['1.234', '-1', '-0.01', '1e3', '12.', '.5', 'abc', '', '90071992547409.92'])(
      'refuses the price %p with 400',
      async (price) => {
        const response = await testApp.http
          .post('/products')
          .set('Authorization', admin)
          .send(newProductInput(refs, { price }))
          .expect(400);
        expect(response.body.error).toMatchObject({
          code: 'VALIDATION_FAILED',
          details: [expect.objectContaining({ field: 'price' })],
        });
      },
    );

    it('refuses a numeric price and another currency', async () => {
      await testApp.http
        .post('/products')
        .set('Authorization', admin)
        .send({ ...newProductInput(refs), price: 12.5 })
        .expect(400);
      const currency = await testApp.http
        .post('/products')
        .set('Authorization', admin)
        .send(newProductInput(refs, { currency: 'EUR' }))
        .expect(400);
      expect(currency.body.error.details).toEqual([expect.objectContaining({ field: 'currency' })]);
      await testApp.http
        .post('/products')
        .set('Authorization', admin)
        .send(newProductInput(refs, { currency: 'USD' }))
        .expect(201);
    });
  });

  describe('validation', () => {
    it.each([
      ['a negative stock', { stock: -1 }],
      ['a fractional stock', { stock: 1.5 }],
      ['an empty model', { model: '  ' }],
      ['a malformed brand id', { brandId: 'nope' }],
      ['an unknown field', { colour: 'red' }],
      ['a null model', { model: null }],
    ])('refuses %s', async (_label, change) => {
      const product = await createProduct(testApp.http, admin, refs);
      const response = await testApp.http
        .patch(`/products/${product.id}`)
        .set('Authorization', admin)
        .send(change)
        .expect(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    });
  });
});
