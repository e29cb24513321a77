import { TestApp } from './create-test-app';
import { bearer, loginAs } from './auth';
import { Factory } from '../factories/records.factory';

type Http = TestApp['http'];

/** A new active customer (made by the factory) and their `Authorization` header. */
export async function newCustomer(http: Http, factory: Factory) {
  const account = await factory.customer();
  const { accessToken } = await loginAs(http, account.username, account.password);
  return { ...account, auth: bearer(accessToken) };
}

/** Puts `quantity` of a product into the cart of `auth`. */
export async function addToCart(http: Http, auth: string, productId: string, quantity = 1) {
  await http
    .post('/cart/items')
    .set('Authorization', auth)
    .send({ productId, quantity })
    .expect(200);
}

/** The stock of a product as stored. */
export async function stockOf(testApp: TestApp, productId: string): Promise<number> {
  const product = await testApp.connection
    .collection('products')
    .findOne({ _id: productId as never });
  return product?.stock as number;
}
