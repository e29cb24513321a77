import { TestApp } from './support';
import { bearer, loginAs, useTestApp } from './support/auth';

interface CartView {
  lines: {
    productId: string;
    quantity: number;
    unitPrice: string;
    discount: { id: string; amount: string } | null;
    lineTotal: string;
    available: boolean;
    unavailableReason: string | null;
    availableQuantity: number | null;
  }[];
  subtotal: string;
  promoCode: { code: string; applied: boolean; discount: string; reason: string | null } | null;
  discountTotal: string;
  total: string;
  currency: string;
  itemCount: number;
}

describe('cart (e2e)', () => {
  const suite = useTestApp();
  let testApp: TestApp;
  let customer: string;

  const newCustomer = async () => {
    const account = await suite.factory.customer();
    return bearer((await loginAs(testApp.http, account.username, account.password)).accessToken);
  };
  const view = async (auth = customer) =>
    (await testApp.http.get('/cart').set('Authorization', auth).expect(200)).body as CartView;
  const add = (productId: string, quantity?: number, path = '/cart/items', auth = customer) =>
    testApp.http.post(path).set('Authorization', auth).send({ productId, quantity });

  beforeAll(async () => {
    ({ testApp } = suite);
    customer = await newCustomer();
  });

  beforeEach(async () => {
    await testApp.http.delete('/cart').set('Authorization', customer).expect(200);
  });

  it('starts empty and adds, increments, sets, removes and clears lines', async () => {
    expect(await view()).toMatchObject({
      lines: [],
      subtotal: '0.00',
      total: '0.00',
      itemCount: 0,
    });
    const a = await suite.factory.product({ priceCents: 1999, stock: 10 });
    const b = await suite.factory.product({ priceCents: 500, stock: 10 });
    await add(a.id, 2).expect(200);
    const raised = (await add(a.id, 3).expect(200)).body as CartView;
    expect(raised.lines).toEqual([
      expect.objectContaining({ productId: a.id, quantity: 5, lineTotal: '99.95' }),
    ]);
    await add(b.id).expect(200);
    const set = await testApp.http
      .patch(`/cart/items/${b.id}`)
      .set('Authorization', customer)
      .send({ quantity: 4 })
      .expect(200);
    expect(set.body).toMatchObject({
      subtotal: '119.95',
      total: '119.95',
      itemCount: 9,
      currency: 'USD',
    });
    const removed = await testApp.http
      .delete(`/cart/items/${b.id}`)
      .set('Authorization', customer)
      .expect(200);
    expect(removed.body.lines.map((line: { productId: string }) => line.productId)).toEqual([a.id]);
    await testApp.http
      .patch(`/cart/items/${a.id}`)
      .set('Authorization', customer)
      .send({ quantity: 0 })
      .expect(200);
    expect((await view()).lines).toEqual([]);
    await testApp.http.delete(`/cart/items/${a.id}`).set('Authorization', customer).expect(404);
  });

  it('serves the requirement routes on the same handlers', async () => {
    const a = await suite.factory.product({ stock: 10 });
    const b = await suite.factory.product({ stock: 10 });
    await add(a.id, 1, '/cart/add/').expect(200);
    await add(a.id, 1, '/cart').expect(200);
    await add(b.id, 1, '/cart/add').expect(200);
    expect(
      (await testApp.http.get('/cart/').set('Authorization', customer).expect(200)).body.itemCount,
    ).toBe(3);
    await testApp.http
      .delete('/cart/remove/')
      .set('Authorization', customer)
      .send({ productId: a.id })
      .expect(200);
    await testApp.http.delete(`/cart/${b.id}`).set('Authorization', customer).expect(200);
    expect((await view()).lines).toEqual([]);
    await add(a.id, 1).expect(200);
    await testApp.http.delete('/cart/').set('Authorization', customer).expect(200);
    expect((await view()).lines).toEqual([]);
  });

  it('refuses more than the stock with the available quantity', async () => {
    const product = await suite.factory.product({ stock: 3 });
    await add(product.id, 2).expect(200);
    const refused = await add(product.id, 2).expect(422);
    expect(refused.body.error).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      details: [expect.objectContaining({ field: 'quantity', available: 3 })],
    });
    await testApp.http
      .patch(`/cart/items/${product.id}`)
      .set('Authorization', customer)
      .send({ quantity: 4 })
      .expect(422);
    expect((await view()).lines[0].quantity).toBe(2);
  });

  it('refuses unknown, inactive and archived products, each with its answer', async () => {
    await add('00000000-0000-4000-8000-000000000000').expect(404);
    const inactive = await suite.factory.product({ active: false });
    const archived = await suite.factory.product({ archived: true });
    const off = await add(inactive.id).expect(422);
    expect(off.body.error).toMatchObject({
      code: 'PRODUCT_UNAVAILABLE',
      details: [expect.objectContaining({ reason: 'INACTIVE' })],
    });
    const gone = await add(archived.id).expect(422);
    expect(gone.body.error.details[0].reason).toBe('ARCHIVED');
  });

  it('keeps a product switched off or short of stock after it was added, marked and outside the totals', async () => {
    const kept = await suite.factory.product({ priceCents: 1000, stock: 5 });
    const switchedOff = await suite.factory.product({ priceCents: 2000, stock: 5 });
    const short = await suite.factory.product({ priceCents: 3000, stock: 5 });
    for (const product of [kept, switchedOff, short]) await add(product.id, 2).expect(200);
    await testApp.http
      .patch(`/products/${switchedOff.id}`)
      .set('Authorization', suite.admin)
      .send({ active: false })
      .expect(200);
    await testApp.http
      .patch(`/products/${short.id}`)
      .set('Authorization', suite.admin)
      .send({ stock: 1 })
      .expect(200);
    const cart = await view();
    expect(
      cart.lines.map((line) => [line.available, line.unavailableReason, line.availableQuantity]),
    ).toEqual([
      [true, null, null],
      [false, 'INACTIVE', null],
      [false, 'INSUFFICIENT_STOCK', 1],
    ]);
    expect(cart).toMatchObject({ subtotal: '20.00', total: '20.00', itemCount: 2 });
  });

  it('counts 50 concurrent adds of one unit into one line of 50', async () => {
    const product = await suite.factory.product({ stock: 100 });
    const buyer = await newCustomer();
    testApp.concurrency.reset();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => add(product.id, 1, '/cart/items', buyer)),
    );
    expect(testApp.concurrency.peak).toBeGreaterThan(1);
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    expect((await view(buyer)).lines).toEqual([
      expect.objectContaining({ productId: product.id, quantity: 50 }),
    ]);
  });

  it('never lets concurrent adds pass the stock', async () => {
    const product = await suite.factory.product({ stock: 7 });
    const buyer = await newCustomer();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => add(product.id, 1, '/cart/items', buyer)),
    );
    expect(responses.filter((response) => response.status === 200)).toHaveLength(7);
    expect(responses.filter((response) => response.status === 422)).toHaveLength(13);
    expect((await view(buyer)).lines[0].quantity).toBe(7);
  });

  it('keeps every cart to its owner and refuses guests', async () => {
    const product = await suite.factory.product();
    const other = await newCustomer();
    await add(product.id, 1, '/cart/items', other).expect(200);
    expect((await view()).lines).toEqual([]);
    await testApp.http.delete(`/cart/${product.id}`).set('Authorization', customer).expect(404);
    expect((await view(other)).lines).toHaveLength(1);
    for (const call of [
      testApp.http.get('/cart'),
      testApp.http.post('/cart/items').send({ productId: product.id }),
      testApp.http.delete('/cart'),
      testApp.http.post('/cart/promo-code').send({ code: 'X' }),
    ]) {
      await call.expect(401);
    }
  });
});
