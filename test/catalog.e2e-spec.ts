import { randomUUID } from 'node:crypto';
import { TestApp } from './support';
import { bearer, registerAndLogin, useTestApp } from './support/auth';
import { SmtpSink } from './support/smtp';
import { createProduct, uniqueSuffix } from './factories/catalog.factory';

interface Resource {
  label: string;
  collection: string;
  /** The path of one entry on every route that serves it (canonical first). */
  itemPaths: string[];
  createPaths: string[];
}

const RESOURCES: Resource[] = [
  { label: 'brands', collection: '/brands', itemPaths: ['/brands'], createPaths: ['/brands'] },
  {
    label: 'categories',
    collection: '/categories',
    itemPaths: ['/categories', '/category'],
    createPaths: ['/categories', '/category'],
  },
];

describe('brands and categories (e2e)', () => {
  const suite = useTestApp();
  let smtp: SmtpSink;
  let testApp: TestApp;
  let admin: string;
  let customer: string;

  beforeAll(async () => {
    ({ smtp, testApp, admin } = suite);
    customer = bearer((await registerAndLogin(testApp.http, smtp)).accessToken);
  });

  describe.each(RESOURCES)('$label', ({ collection, itemPaths, createPaths }) => {
    const create = (name: string, path = collection) =>
      testApp.http.post(path).set('Authorization', admin).send({ name });

    it.each(createPaths)(
      'lets an admin create, read, replace, patch and delete through %s',
      async (createPath) => {
        const name = `Entry ${uniqueSuffix()}`;
        const created = await create(name, createPath).expect(201);
        expect(created.body).toEqual({
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          name,
          productCount: 0,
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        });
        const { id } = created.body;
        for (const path of itemPaths) {
          const read = await testApp.http.get(`${path}/${id}`).expect(200);
          expect(read.body).toEqual(created.body);
        }
        const replacedName = `Replaced ${uniqueSuffix()}`;
        const replaced = await testApp.http
          .put(`${itemPaths.at(-1)}/${id}`)
          .set('Authorization', admin)
          .send({ name: replacedName })
          .expect(200);
        expect(replaced.body).toMatchObject({ id, name: replacedName });
        const patchedName = `  Patched ${uniqueSuffix()}  `;
        const patched = await testApp.http
          .patch(`${itemPaths[0]}/${id}`)
          .set('Authorization', admin)
          .send({ name: patchedName })
          .expect(200);
        expect(patched.body.name).toBe(patchedName.trim());
        const unchanged = await testApp.http
          .patch(`${itemPaths[0]}/${id}`)
          .set('Authorization', admin)
          .send({})
          .expect(200);
        expect(unchanged.body.name).toBe(patchedName.trim());

        await testApp.http
          .delete(`${itemPaths.at(-1)}/${id}`)
          .set('Authorization', admin)
          .expect(204);
        await testApp.http.get(`${itemPaths[0]}/${id}`).expect(404);
        const stored = await testApp.connection
          .collection(collection.slice(1))
          .findOne({ _id: id as never });
        expect(stored).toBeNull();
      },
    );

    it('refuses a duplicate name ignoring case, on create and on rename', async () => {
      const name = `Unique ${uniqueSuffix()}`;
      await create(name).expect(201);
      const duplicate = await create(name.toUpperCase()).expect(409);
      expect(duplicate.body.error).toMatchObject({ code: 'ALREADY_EXISTS' });
      const other = await create(`Other ${uniqueSuffix()}`).expect(201);
      const rename = await testApp.http
        .patch(`${collection}/${other.body.id}`)
        .set('Authorization', admin)
        .send({ name: ` ${name.toLowerCase()} ` })
        .expect(409);
      expect(rename.body.error.code).toBe('ALREADY_EXISTS');
    });

    it('refuses guests (401) and customers (403) on every write', async () => {
      const { body } = await create(`Guarded ${uniqueSuffix()}`).expect(201);
      const item = `${collection}/${body.id}`;
      const writes = [
        () => testApp.http.post(collection).send({ name: 'x' }),
        () => testApp.http.put(item).send({ name: 'x' }),
        () => testApp.http.patch(item).send({ name: 'x' }),
        () => testApp.http.delete(item),
      ];
      for (const write of writes) {
        expect((await write()).body.error.code).toBe('UNAUTHENTICATED');
        expect((await write().set('Authorization', customer)).status).toBe(403);
      }
      expect((await writes[0]()).status).toBe(401);
      await testApp.http.get(item).expect(200);
    });

    it('answers 400 for a malformed id and 404 for an unknown one', async () => {
      const malformed = await testApp.http.get(`${collection}/not-a-uuid`).expect(400);
      expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
      await testApp.http.get(`${collection}/${randomUUID()}`).expect(404);
      await testApp.http
        .delete(`${collection}/${randomUUID()}`)
        .set('Authorization', admin)
        .expect(404);
      await testApp.http
        .put(`${collection}/${randomUUID()}`)
        .set('Authorization', admin)
        .send({ name: 'x' })
        .expect(404);
    });

    it('validates the name', async () => {
      for (const body of [
        {},
        { name: '' },
        { name: '   ' },
        { name: 'x'.repeat(81) },
        { name: 7 },
        { name: 'ok', extra: 1 },
      ]) {
        const response = await testApp.http
          .post(collection)
          .set('Authorization', admin)
          .send(body)
          .expect(400);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
      }
    });
  });

  it('refuses to delete a brand or category in use (409 IN_USE) until its product is archived', async () => {
    const brand = (
      await testApp.http
        .post('/brands')
        .set('Authorization', admin)
        .send({ name: `Used ${uniqueSuffix()}` })
    ).body;
    const category = (
      await testApp.http
        .post('/categories')
        .set('Authorization', admin)
        .send({ name: `Used ${uniqueSuffix()}` })
    ).body;
    const product = await createProduct(testApp.http, admin, {
      brandId: brand.id,
      categoryId: category.id,
    });
    expect((await testApp.http.get(`/brands/${brand.id}`)).body.productCount).toBe(1);

    const brandInUse = await testApp.http
      .delete(`/brands/${brand.id}`)
      .set('Authorization', admin)
      .expect(409);
    expect(brandInUse.body.error.code).toBe('IN_USE');
    const categoryInUse = await testApp.http
      .delete(`/category/${category.id}`)
      .set('Authorization', admin)
      .expect(409);
    expect(categoryInUse.body.error.code).toBe('IN_USE');

    await testApp.http.delete(`/products/${product.id}`).set('Authorization', admin).expect(204);
    expect((await testApp.http.get(`/categories/${category.id}`)).body.productCount).toBe(0);
    await testApp.http.delete(`/brands/${brand.id}`).set('Authorization', admin).expect(204);
    await testApp.http.delete(`/category/${category.id}`).set('Authorization', admin).expect(204);
  });

  describe('lists', () => {
    const tag = uniqueSuffix();
    const names = ['Delta', 'alpha', 'Charlie', 'bravo', 'Echo'].map((name) => `${name} ${tag}`);

    beforeAll(async () => {
      for (const name of names) {
        await testApp.http.post('/brands').set('Authorization', admin).send({ name }).expect(201);
      }
    });

    it('searches, sorts by name ignoring case and pages', async () => {
      const page1 = await testApp.http
        .get('/brands')
        .query({ search: tag, sort: 'name', limit: '2', page: '1' })
        .expect(200);
      expect(page1.body).toMatchObject({ page: 1, limit: 2, total: 5, totalPages: 3 });
      expect(page1.body.items.map((item: { name: string }) => item.name)).toEqual([
        `alpha ${tag}`,
        `bravo ${tag}`,
      ]);
      const page3 = await testApp.http
        .get('/brands')
        .query({ search: tag, sort: '-name', limit: '2', page: '3' })
        .expect(200);
      expect(page3.body.items.map((item: { name: string }) => item.name)).toEqual([`alpha ${tag}`]);
    });

    it('filters by name ignoring case, combined with search', async () => {
      const response = await testApp.http
        .get(
          `/brands?filter[name][in]=${encodeURIComponent(`CHARLIE ${tag},echo ${tag}`)}&search=${tag}&sort=-name`,
        )
        .expect(200);
      expect(response.body.items.map((item: { name: string }) => item.name)).toEqual([
        `Echo ${tag}`,
        `Charlie ${tag}`,
      ]);
    });

    it('refuses unknown fields and operators', async () => {
      for (const query of [
        'filter[nameLower]=x',
        'sort=nameLower',
        'filter[name][$regex]=.*',
        'filter[$or][0][name]=x',
        'limit=101',
      ]) {
        const response = await testApp.http.get(`/brands?${query}`).expect(400);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
      }
    });
  });
});
