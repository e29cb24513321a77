import { randomUUID } from 'node:crypto';
import { TestApp } from './support';
import { bearer, registerAndLogin, useTestApp } from './support/auth';
import { SmtpSink } from './support/smtp';
import {
  createBrand,
  createCategory,
  createProduct,
  newProductInput,
} from './factories/catalog.factory';

describe('products (e2e)', () => {
  const suite = useTestApp();
  let smtp: SmtpSink;
  let testApp: TestApp;
  let admin: string;
  let customer: string;
  let refs: { brandId: string; categoryId: string };
  let brandName: string;
  let categoryName: string;

  beforeAll(async () => {
    ({ smtp, testApp, admin } = suite);
    customer = bearer((await registerAndLogin(testApp.http, smtp)).accessToken);
    const brand = await createBrand(testApp.http, admin);
    const category = await createCategory(testApp.http, admin);
    refs = { brandId: brand.id, categoryId: category.id };
    brandName = brand.name;
    categoryName = category.name;
  });

  describe('admin CRUD', () => {
    it('creates a product and answers it with named refs, money and currency', async () => {
      const input = newProductInput(refs, { price: '1299', stock: 7, description: 'Alder body' });
      const created = await testApp.http
        .post('/products')
        .set('Authorization', admin)
        .send(input)
        .expect(201);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        model: input.model,
        brandId: refs.brandId,
        brand: { id: refs.brandId, name: brandName },
        categoryId: refs.categoryId,
        category: { id: refs.categoryId, name: categoryName },
        description: 'Alder body',
        price: '1299.00',
        currency: 'USD',
        stock: 7,
        active: true,
        archived: false,
        imageCount: 0,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const stored = await testApp.connection
        .collection('products')
        .findOne({ _id: created.body.id });
      expect(stored).toMatchObject({ priceCents: 129900, brandId: refs.brandId, archived: false });
      await testApp.http.get(`/products/${created.body.id}`).expect(200, created.body);
      await testApp.http.get(`/product/${created.body.id}`).expect(200, created.body);
    });

    it('serves the requirement routes POST /product and GET/PUT/PATCH/DELETE /product/:id', async () => {
      const created = await testApp.http
        .post('/product')
        .set('Authorization', admin)
        .send(newProductInput(refs))
        .expect(201);
      const path = `/product/${created.body.id}`;
      const replacement = newProductInput(refs, { price: '10', stock: 1, active: false });
      const replaced = await testApp.http
        .put(path)
        .set('Authorization', admin)
        .send(replacement)
        .expect(200);
      expect(replaced.body).toMatchObject({
        model: replacement.model,
        price: '10.00',
        stock: 1,
        active: false,
      });
      const patched = await testApp.http
        .patch(path)
        .set('Authorization', admin)
        .send({ stock: 3, active: true })
        .expect(200);
      expect(patched.body).toMatchObject({
        model: replacement.model,
        price: '10.00',
        stock: 3,
        active: true,
      });
      await testApp.http.delete(path).set('Authorization', admin).expect(204);
      await testApp.http.get(path).expect(404);
    });

    it('PUT resets omitted optional fields to their defaults', async () => {
      const product = await createProduct(testApp.http, admin, refs, {
        description: 'Old',
        active: false,
      });
      const { description: _omitted, active: _alsoOmitted, ...required } = newProductInput(refs);
      const replaced = await testApp.http
        .put(`/products/${product.id}`)
        .set('Authorization', admin)
        .send(required)
        .expect(200);
      expect(replaced.body).toMatchObject({ description: '', active: true });
    });

    it('moves the brand and category counters when a product changes brand or category', async () => {
      const product = await createProduct(testApp.http, admin, refs);
      const otherBrand = await createBrand(testApp.http, admin);
      const otherCategory = await createCategory(testApp.http, admin);
      const before = (await testApp.http.get(`/brands/${refs.brandId}`)).body.productCount;
      const moved = await testApp.http
        .patch(`/products/${product.id}`)
        .set('Authorization', admin)
        .send({ brandId: otherBrand.id, categoryId: otherCategory.id })
        .expect(200);
      expect(moved.body.brand).toEqual({ id: otherBrand.id, name: otherBrand.name });
      expect((await testApp.http.get(`/brands/${refs.brandId}`)).body.productCount).toBe(
        before - 1,
      );
      expect((await testApp.http.get(`/brands/${otherBrand.id}`)).body.productCount).toBe(1);
      expect((await testApp.http.get(`/categories/${otherCategory.id}`)).body.productCount).toBe(1);
      await testApp.http.delete(`/brands/${otherBrand.id}`).set('Authorization', admin).expect(409);
    });

    it('names a renamed brand and category at once, in the product and in lists', async () => {
      const brand = await createBrand(testApp.http, admin);
      const category = await createCategory(testApp.http, admin);
      const product = await createProduct(testApp.http, admin, {
        brandId: brand.id,
        categoryId: category.id,
      });
      await testApp.http.get(`/products/${product.id}`).expect(200);
      const suffix = randomUUID().slice(0, 8);
      for (const [collection, id] of [
        ['brands', brand.id],
        ['categories', category.id],
      ]) {
        await testApp.http
          .patch(`/${collection}/${id}`)
          .set('Authorization', admin)
          .send({ name: `Renamed ${collection} ${suffix}` })
          .expect(200);
      }
      const read = await testApp.http.get(`/products/${product.id}`).expect(200);
      expect(read.body.brand).toEqual({ id: brand.id, name: `Renamed brands ${suffix}` });
      expect(read.body.category).toEqual({
        id: category.id,
        name: `Renamed categories ${suffix}`,
      });
      const list = await testApp.http
        .get('/products')
        .query({ 'filter[brandId]': brand.id })
        .expect(200);
      expect(list.body.items.map((item: { brand: unknown }) => item.brand)).toEqual([
        { id: brand.id, name: `Renamed brands ${suffix}` },
      ]);
    });

    it('refuses a product pointing at an unknown brand or category, storing nothing', async () => {
      const model = `Orphan ${randomUUID()}`;
      const unknownBrand = await testApp.http
        .post('/products')
        .set('Authorization', admin)
        .send(newProductInput({ ...refs, brandId: randomUUID() }, { model }))
        .expect(400);
      expect(unknownBrand.body.error.details).toEqual([
        expect.objectContaining({ field: 'brandId' }),
      ]);
      await testApp.http
        .post('/products')
        .set('Authorization', admin)
        .send(newProductInput({ ...refs, categoryId: randomUUID() }, { model }))
        .expect(400);
      expect(await testApp.connection.collection('products').countDocuments({ model })).toBe(0);
    });

    it('archives on DELETE: hidden from guests and customers, kept for admins, counters released, no more changes', async () => {
      const brand = await createBrand(testApp.http, admin);
      const product = await createProduct(testApp.http, admin, { ...refs, brandId: brand.id });
      await testApp.http.delete(`/products/${product.id}`).set('Authorization', admin).expect(204);

      await testApp.http.get(`/products/${product.id}`).expect(404);
      await testApp.http.get(`/products/${product.id}`).set('Authorization', customer).expect(404);
      const seenByAdmin = await testApp.http
        .get(`/products/${product.id}`)
        .set('Authorization', admin)
        .expect(200);
      expect(seenByAdmin.body).toMatchObject({ archived: true });
      const live = await testApp.http
        .get(`/products?filter[brandId]=${brand.id}`)
        .set('Authorization', admin)
        .expect(200);
      expect(live.body.total).toBe(0);
      const archived = await testApp.http
        .get(`/products?filter[brandId]=${brand.id}&filter[archived]=true`)
        .set('Authorization', admin)
        .expect(200);
      expect(archived.body.items.map((item: { id: string }) => item.id)).toEqual([product.id]);

      expect((await testApp.http.get(`/brands/${brand.id}`)).body.productCount).toBe(0);
      const change = await testApp.http
        .patch(`/products/${product.id}`)
        .set('Authorization', admin)
        .send({ stock: 1 })
        .expect(409);
      expect(change.body.error.code).toBe('PRODUCT_ARCHIVED');
      const again = await testApp.http
        .delete(`/products/${product.id}`)
        .set('Authorization', admin)
        .expect(409);
      expect(again.body.error.code).toBe('PRODUCT_ARCHIVED');
      expect((await testApp.http.get(`/brands/${brand.id}`)).body.productCount).toBe(0);
    });

    it('answers 400 for a malformed id and 404 for an unknown one', async () => {
      for (const path of ['/products/123', '/product/zzz', '/products/123/price-history']) {
        const response = await testApp.http.get(path).expect(400);
        expect(response.body.error).toMatchObject({
          code: 'VALIDATION_FAILED',
          details: [{ field: 'id', message: expect.any(String) }],
        });
      }
      await testApp.http.get(`/products/${randomUUID()}`).expect(404);
      await testApp.http
        .patch(`/products/${randomUUID()}`)
        .set('Authorization', admin)
        .send({ stock: 1 })
        .expect(404);
      await testApp.http
        .delete(`/products/${randomUUID()}`)
        .set('Authorization', admin)
        .expect(404);
    });
  });

  describe('permissions', () => {
    it('refuses guests (401) and customers (403) on every write', async () => {
      const product = await createProduct(testApp.http, admin, refs);
      const body = newProductInput(refs);
      const writes = [
        () => testApp.http.post('/products').send(body),
        () => testApp.http.post('/product').send(body),
        () => testApp.http.put(`/products/${product.id}`).send(body),
        () => testApp.http.patch(`/product/${product.id}`).send({ stock: 1 }),
        () => testApp.http.delete(`/products/${product.id}`),
      ];
      for (const write of writes) {
        const guest = await write();
        expect([guest.status, guest.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
        const asCustomer = await write().set('Authorization', customer);
        expect([asCustomer.status, asCustomer.body.error.code]).toEqual([403, 'FORBIDDEN']);
      }
      const unchanged = await testApp.http.get(`/products/${product.id}`).expect(200);
      expect(unchanged.body).toMatchObject({ price: product.price, archived: false });
    });

    it('hides inactive products from guests and customers but not from admins', async () => {
      const brand = await createBrand(testApp.http, admin);
      const scoped = { ...refs, brandId: brand.id };
      const visible = await createProduct(testApp.http, admin, scoped, { active: true });
      const hidden = await createProduct(testApp.http, admin, scoped, { active: false });

      for (const viewer of [undefined, customer]) {
        const get = testApp.http.get(`/products/${hidden.id}`);
        await (viewer ? get.set('Authorization', viewer) : get).expect(404);
        const list = testApp.http.get(`/products?filter[brandId]=${brand.id}`);
        const listed = await (viewer ? list.set('Authorization', viewer) : list).expect(200);
        expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([visible.id]);
        const history = testApp.http.get(`/products/${hidden.id}/price-history`);
        await (viewer ? history.set('Authorization', viewer) : history).expect(404);
      }
      const asCustomer = await testApp.http
        .get(`/products?filter[active]=false`)
        .set('Authorization', customer)
        .expect(400);
      expect(asCustomer.body.error.details[0].field).toBe('filter[active]');

      await testApp.http.get(`/products/${hidden.id}`).set('Authorization', admin).expect(200);
      const all = await testApp.http
        .get(`/products?filter[brandId]=${brand.id}&sort=model`)
        .set('Authorization', admin)
        .expect(200);
      expect(all.body.total).toBe(2);
      const onlyInactive = await testApp.http
        .get(`/products?filter[brandId]=${brand.id}&filter[active]=false`)
        .set('Authorization', admin)
        .expect(200);
      expect(onlyInactive.body.items.map((item: { id: string }) => item.id)).toEqual([hidden.id]);
    });
  });
});
