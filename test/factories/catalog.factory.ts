import { randomBytes } from 'node:crypto';
import { TestApp } from '../support';

type Http = TestApp['http'];

export interface ProductInput {
  model: string;
  brandId: string;
  categoryId: string;
  description?: string;
  price: string;
  currency?: string;
  stock: number;
  active?: boolean;
}

/** A unique suffix so names never collide between tests sharing one database. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export function newBrandInput(overrides: { name?: string } = {}) {
  return { name: `Brand ${uniqueSuffix()}`, ...overrides };
}

export function newCategoryInput(overrides: { name?: string } = {}) {
  return { name: `Category ${uniqueSuffix()}`, ...overrides };
}

export function newProductInput(
  refs: { brandId: string; categoryId: string },
  overrides: Partial<ProductInput> = {},
): ProductInput {
  return {
    model: `Model ${uniqueSuffix()}`,
    description: 'A test instrument',
    price: '199.99',
    stock: 5,
    active: true,
    ...refs,
    ...overrides,
  };
}

/** Creates a brand through the API as `admin` (an `Authorization` header value). */
export async function createBrand(http: Http, admin: string, overrides: { name?: string } = {}) {
  const response = await http
    .post('/brands')
    .set('Authorization', admin)
    .send(newBrandInput(overrides))
    .expect(201);
  return response.body as { id: string; name: string; productCount: number };
}

export async function createCategory(http: Http, admin: string, overrides: { name?: string } = {}) {
  const response = await http
    .post('/categories')
    .set('Authorization', admin)
    .send(newCategoryInput(overrides))
    .expect(201);
  return response.body as { id: string; name: string; productCount: number };
}

export async function createProduct(
  http: Http,
  admin: string,
  refs: { brandId: string; categoryId: string },
  overrides: Partial<ProductInput> = {},
) {
  const response = await http
    .post('/products')
    .set('Authorization', admin)
    .send(newProductInput(refs, overrides))
    .expect(201);
  return response.body as { id: string; model: string; price: string } & Record<string, unknown>;
}

/** A brand, a category and an admin-created product in them. */
export async function createProductWithRefs(
  http: Http,
  admin: string,
  overrides: Partial<ProductInput> = {},
) {
  const brand = await createBrand(http, admin);
  const category = await createCategory(http, admin);
  const product = await createProduct(
    http,
    admin,
    { brandId: brand.id, categoryId: category.id },
    overrides,
  );
  return { brand, category, product };
}
