import { PromoCodeService } from '../apps/api/src/discounts/promo-codes/promo-code.service';
import { TestApp } from './support';
import { bearer, loginAs, useTestApp } from './support/auth';

const HOUR = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

describe('discounts and promo codes (e2e)', () => {
  const suite = useTestApp();
  let testApp: TestApp;
  let admin: string;
  let customer: string;
  let customerId: string;

  const asAdmin = (method: 'post' | 'put' | 'patch' | 'get' | 'delete', path: string) =>
    testApp.http[method](path).set('Authorization', admin);
  const cart = () => testApp.http.get('/cart').set('Authorization', customer).expect(200);
  const addToCart = (productId: string, quantity: number) =>
    testApp.http
      .post('/cart/items')
      .set('Authorization', customer)
      .send({ productId, quantity })
      .expect(200);
  const applyCode = (code: string) =>
    testApp.http.post('/cart/promo-code').set('Authorization', customer).send({ code });
  const newCode = async (body: Record<string, unknown>) =>
    (await asAdmin('post', '/promo-codes').send(body).expect(201)).body as {
      id: string;
      code: string;
    };

  beforeAll(async () => {
    ({ testApp, admin } = suite);
    const account = await suite.factory.customer();
    customerId = account.id;
    customer = bearer(
      (await loginAs(testApp.http, account.username, account.password)).accessToken,
    );
  });

  beforeEach(async () => {
    await testApp.http.delete('/cart').set('Authorization', customer).expect(200);
    await testApp.connection.collection('product_discounts').deleteMany({});
  });

  describe('admin management', () => {
    it('creates, lists, reads, replaces, changes and deletes a product discount', async () => {
      const product = await suite.factory.product();
      const created = await asAdmin('post', '/discounts')
        .send({
          name: 'Ten off',
          type: 'percent',
          percent: 10,
          target: 'product',
          targetIds: [product.id],
        })
        .expect(201);
      expect(created.body).toMatchObject({
        type: 'percent',
        percent: 10,
        amount: null,
        active: true,
        currency: 'USD',
      });
      const id = created.body.id;
      const listed = await asAdmin(
        'get',
        '/discounts?filter[type]=percent&filter[active]=true',
      ).expect(200);
      expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(id);
      await asAdmin('get', `/discounts/${id}`).expect(200);
      const replaced = await asAdmin('put', `/discounts/${id}`)
        .send({
          name: 'Five flat',
          type: 'fixed',
          amount: '5',
          target: 'brand',
          targetIds: [product.brandId],
        })
        .expect(200);
      expect(replaced.body).toMatchObject({
        type: 'fixed',
        amount: '5.00',
        percent: null,
        target: 'brand',
      });
      const patched = await asAdmin('patch', `/discounts/${id}`)
        .send({ active: false })
        .expect(200);
      expect(patched.body).toMatchObject({ active: false, amount: '5.00' });
      await asAdmin('delete', `/discounts/${id}`).expect(204);
      await asAdmin('get', `/discounts/${id}`).expect(404);
    });

    it.each([
      [{ type: 'percent', percent: 120 }, 'percent'],
      [{ type: 'percent', percent: 10, amount: '1.00' }, 'amount'],
      [{ type: 'fixed', amount: '0' }, 'amount'],
      [{ type: 'fixed' }, 'amount'],
      [{ type: 'percent', percent: 10, startsAt: iso(HOUR), endsAt: iso(0) }, 'endsAt'],
    ])('refuses an invalid discount %p, naming %s', async (value, field) => {
      const response = await asAdmin('post', '/discounts')
        .send({
          name: 'Bad',
          target: 'product',
          targetIds: [await suite.factory.product().then((p) => p.id)],
          ...value,
        })
        .expect(400);
      expect(
        response.body.error.details.map((detail: { field: string }) => detail.field),
      ).toContain(field);
    });

    it('keeps promo codes unique in any case', async () => {
      await newCode({ code: 'Unique1', type: 'fixed', amount: '1' });
      const duplicate = await asAdmin('post', '/promo-codes')
        .send({ code: 'UNIQUE1', type: 'fixed', amount: '2' })
        .expect(409);
      expect(duplicate.body.error.code).toBe('ALREADY_EXISTS');
    });

    it('lets only admins manage discounts and promo codes', async () => {
      for (const path of ['/discounts', '/promo-codes']) {
        await testApp.http.get(path).expect(401);
        await testApp.http.get(path).set('Authorization', customer).expect(403);
        await testApp.http.post(path).set('Authorization', customer).send({}).expect(403);
      }
    });
  });

  describe('in the cart', () => {
    it('applies the best single discount across product, brand and category targets', async () => {
      const product = await suite.factory.product({ priceCents: 10_000, stock: 10 });
      for (const [target, targetId, value] of [
        ['product', product.id, { type: 'percent', percent: 10 }],
        ['brand', product.brandId, { type: 'percent', percent: 25 }],
        ['category', product.categoryId, { type: 'fixed', amount: '20.00' }],
      ] as const) {
        await asAdmin('post', '/discounts')
          .send({ name: `By ${target}`, target, targetIds: [targetId], ...value })
          .expect(201);
      }
      await addToCart(product.id, 2);
      const line = (await cart()).body.lines[0];
      expect(line).toMatchObject({
        unitPrice: '100.00',
        discount: { name: 'By brand', amount: '50.00' },
        lineTotal: '150.00',
      });
    });

    it('totals a cart of discounted and full-price lines to the cent, with a promo code', async () => {
      const a = await suite.factory.product({ priceCents: 1999, stock: 10 });
      const b = await suite.factory.product({ priceCents: 555, stock: 10 });
      const c = await suite.factory.product({ priceCents: 10_000, stock: 10 });
      await asAdmin('post', '/discounts')
        .send({ name: 'Pct', type: 'percent', percent: 15, target: 'product', targetIds: [a.id] })
        .expect(201);
      await asAdmin('post', '/discounts')
        .send({ name: 'Fix', type: 'fixed', amount: '0.50', target: 'product', targetIds: [b.id] })
        .expect(201);
      await newCode({ code: 'TENPCT', type: 'percent', percent: 10 });
      await addToCart(a.id, 3);
      await addToCart(b.id, 2);
      await addToCart(c.id, 1);
      const view = (await applyCode('tenpct').expect(200)).body;
      expect(view.lines.map((line: { lineTotal: string }) => line.lineTotal)).toEqual([
        '50.97',
        '10.10',
        '100.00',
      ]);
      expect(view).toMatchObject({
        subtotal: '161.07',
        promoCode: { code: 'TENPCT', applied: true, discount: '16.11', reason: null },
        discountTotal: '26.11',
        total: '144.96',
        itemCount: 6,
      });
    });

    it('takes a fixed code off the subtotal, never below zero, and removes it again', async () => {
      const product = await suite.factory.product({ priceCents: 800, stock: 5 });
      await newCode({ code: 'FLAT20', type: 'fixed', amount: '20' });
      await addToCart(product.id, 1);
      expect((await applyCode('FLAT20').expect(200)).body).toMatchObject({
        total: '0.00',
        discountTotal: '8.00',
      });
      const removed = await testApp.http
        .delete('/cart/promo-code')
        .set('Authorization', customer)
        .expect(200);
      expect(removed.body).toMatchObject({ promoCode: null, total: '8.00' });
    });

    it('answers an unknown code with 404', async () => {
      const response = await applyCode('NO-SUCH-CODE').expect(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    });

    it.each([
      ['INACTIVE', { active: false }],
      ['NOT_YET_VALID', { startsAt: iso(HOUR) }],
      ['EXPIRED', { startsAt: iso(-2 * HOUR), endsAt: iso(-HOUR) }],
      ['MINIMUM_NOT_MET', { minimumSubtotal: '100.00' }],
    ])('keeps a code off the cart when it does not apply: %s', async (reason, options) => {
      const product = await suite.factory.product({ priceCents: 4000, stock: 5 });
      await addToCart(product.id, 1);
      const { code } = await newCode({
        code: `R${Date.now()}`,
        type: 'percent',
        percent: 5,
        ...options,
      });
      const response = await applyCode(code).expect(422);
      expect(response.body.error).toMatchObject({
        code: 'PROMO_CODE_NOT_APPLICABLE',
        details: [expect.objectContaining({ field: 'code', reason })],
      });
      if (reason === 'MINIMUM_NOT_MET')
        expect(response.body.error.details[0].missing).toBe('60.00');
      expect((await cart()).body.promoCode).toBeNull();
    });

    it.each([
      ['USAGE_LIMIT_REACHED', { usageLimit: 1 }, 'someone-else'],
      ['CUSTOMER_LIMIT_REACHED', { perCustomerLimit: 1 }, 'the-customer'],
    ])('keeps a code off the cart when its limit is used up: %s', async (reason, limits, user) => {
      const product = await suite.factory.product({ stock: 5 });
      await addToCart(product.id, 1);
      const promo = await newCode({
        code: `L${Date.now()}`,
        type: 'percent',
        percent: 5,
        ...limits,
      });
      const stored = await testApp.app.get(PromoCodeService).get(promo.id);
      const holder = user === 'the-customer' ? customerId : 'another-user';
      expect(await testApp.app.get(PromoCodeService).claim(stored, holder)).toBeUndefined();
      const response = await applyCode(promo.code).expect(422);
      expect(response.body.error.details[0].reason).toBe(reason);
    });

    it('shows why an attached code stopped applying, and gives no discount', async () => {
      const product = await suite.factory.product({ priceCents: 3000, stock: 5 });
      await newCode({ code: 'OVER50', type: 'fixed', amount: '5', minimumSubtotal: '50' });
      await addToCart(product.id, 2);
      await applyCode('OVER50').expect(200);
      await testApp.http
        .patch(`/cart/items/${product.id}`)
        .set('Authorization', customer)
        .send({ quantity: 1 })
        .expect(200);
      expect((await cart()).body).toMatchObject({
        promoCode: {
          code: 'OVER50',
          applied: false,
          discount: '0.00',
          reason: 'MINIMUM_NOT_MET',
          missing: '20.00',
        },
        total: '30.00',
      });
    });
  });
});
