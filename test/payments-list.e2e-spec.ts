import { TestApp } from './support';
import { useTestApp } from './support/auth';
import { expectLedgerBalancedAfterEach, fundWallet } from './support/ledger';
import { createPayment } from './support/payment-records';
import { newCustomer } from './support/shop';

interface Listed {
  id: string;
  amount: string;
  status: string;
}

describe('payment lists (e2e)', () => {
  const suite = useTestApp();
  let testApp: TestApp;

  beforeAll(() => {
    ({ testApp } = suite);
  });

  expectLedgerBalancedAfterEach(suite);

  const list = (auth: string, query = '') =>
    testApp.http.get(`/payments${query}`).set('Authorization', auth);
  const ids = (response: { body: { items: Listed[] } }) =>
    response.body.items.map((item) => item.id);

  it("lists the caller's payments as payer and as payee, newest first, with filters", async () => {
    const alice = await newCustomer(testApp.http, suite.factory);
    const bob = await newCustomer(testApp.http, suite.factory);
    const carol = await newCustomer(testApp.http, suite.factory);
    await fundWallet(testApp, alice.id, 10_000);
    const small = await createPayment(testApp.http, alice.auth, bob.id, '5.00');
    const received = await createPayment(testApp.http, carol.auth, alice.id, '20.00');
    const large = await createPayment(testApp.http, alice.auth, carol.id, '50.00');
    await testApp.http
      .post(`/payments/${large}/confirm`)
      .set('Authorization', alice.auth)
      .expect(200);
    const between = await createPayment(testApp.http, bob.auth, carol.id, '7.00');

    expect(ids(await list(alice.auth).expect(200))).toEqual([large, received, small]);
    expect(ids(await list(bob.auth))).toEqual([between, small]);
    expect(ids(await list(alice.auth, '?filter[status]=paid'))).toEqual([large]);
    expect(
      ids(await list(alice.auth, '?filter[status][in]=created,cancelled&sort=amount')),
    ).toEqual([small, received]);
    expect(ids(await list(alice.auth, '?filter[amount][gte]=10&filter[amount][lte]=20'))).toEqual([
      received,
    ]);
    const createdAt = (
      await testApp.http.get(`/payments/${received}`).set('Authorization', alice.auth)
    ).body.createdAt as string;
    expect(
      ids(await list(alice.auth, `?filter[createdAt][gte]=${createdAt}&sort=createdAt`)),
    ).toEqual([received, large]);
    const paged = await list(alice.auth, '?limit=2&page=2').expect(200);
    expect(paged.body).toMatchObject({ page: 2, limit: 2, total: 3, totalPages: 2 });
    expect(ids(paged)).toEqual([small]);
  });

  it('lets admins list every payment and filter by payer or payee; customers may not', async () => {
    const alice = await newCustomer(testApp.http, suite.factory);
    const bob = await newCustomer(testApp.http, suite.factory);
    const first = await createPayment(testApp.http, alice.auth, bob.id, '1.00');
    const second = await createPayment(testApp.http, bob.auth, alice.id, '2.00');
    expect(ids(await list(suite.admin, `?filter[payerId]=${alice.id}`).expect(200))).toEqual([
      first,
    ]);
    expect(ids(await list(suite.admin, `?filter[payeeId]=${alice.id}`))).toEqual([second]);
    expect((await list(suite.admin)).body.total).toBeGreaterThanOrEqual(2);
    for (const query of [
      `?filter[payerId]=${bob.id}`,
      '?filter[cardLast4]=4242',
      '?sort=payerId',
    ]) {
      const refused = await list(alice.auth, query).expect(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    }
    await testApp.http.get('/payments').expect(401);
  });
});
