import { TestApp } from './support';
import { useTestApp } from './support/auth';
import {
  createBrand,
  createCategory,
  createProduct,
  newProductInput,
} from './factories/catalog.factory';

const ROUNDS = 30;

describe('brand deletion racing product writes (e2e)', () => {
  const suite = useTestApp();
  let testApp: TestApp;
  let admin: string;
  let categoryId: string;

  beforeAll(async () => {
    ({ testApp, admin } = suite);
    categoryId = (await createCategory(testApp.http, admin)).id;
  });

  /** Every live product's brand exists and every brand counts exactly its live products. */
  async function expectNoOrphans(): Promise<void> {
    const products = await testApp.connection
      .collection('products')
      .find({ archived: false })
      .toArray();
    const brands = await testApp.connection.collection('brands').find().toArray();
    const brandIds = new Set(brands.map((brand) => brand._id));
    expect(products.filter((product) => !brandIds.has(product.brandId))).toEqual([]);
    for (const brand of brands) {
      expect(products.filter((product) => product.brandId === brand._id)).toHaveLength(
        brand.productCount,
      );
    }
  }

  it('a product create and a delete of its brand never both succeed', async () => {
    const outcomes: string[] = [];
    let overlappedRounds = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const brand = await createBrand(testApp.http, admin);
      testApp.concurrency.reset();
      const create = testApp.http
        .post('/products')
        .set('Authorization', admin)
        .send(newProductInput({ brandId: brand.id, categoryId }));
      const remove = testApp.http.delete(`/brands/${brand.id}`).set('Authorization', admin);
      const [created, removed] =
        round % 2 === 0
          ? await Promise.all([create, remove])
          : (await Promise.all([remove, create])).reverse();
      outcomes.push(`${created.status}/${removed.status}`);
      if (testApp.concurrency.peak === 2) overlappedRounds += 1;
    }
    expect(overlappedRounds).toBeGreaterThan(0);
    for (const outcome of outcomes) {
      expect(['201/409', '400/204']).toContain(outcome);
    }
    await expectNoOrphans();
  });

  it('a product moving to a brand and a delete of that brand never both succeed', async () => {
    const home = await createBrand(testApp.http, admin);
    const product = await createProduct(testApp.http, admin, { brandId: home.id, categoryId });
    const outcomes: string[] = [];
    let overlappedRounds = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const target = await createBrand(testApp.http, admin);
      testApp.concurrency.reset();
      const move = testApp.http
        .patch(`/products/${product.id}`)
        .set('Authorization', admin)
        .send({ brandId: target.id });
      const remove = testApp.http.delete(`/brands/${target.id}`).set('Authorization', admin);
      const [moved, removed] =
        round % 2 === 0
          ? await Promise.all([move, remove])
          : (await Promise.all([remove, move])).reverse();
      outcomes.push(`${moved.status}/${removed.status}`);
      if (testApp.concurrency.peak === 2) overlappedRounds += 1;
    }
    expect(overlappedRounds).toBeGreaterThan(0);
    for (const outcome of outcomes) {
      expect(['200/409', '400/204']).toContain(outcome);
    }
    await expectNoOrphans();
  });
});
