import { PaymentGatewayClient } from '@kassa/payment-gateway';
import { OrderPaymentsService } from '../apps/api/src/orders/order-payments.service';
import { CardChargeService } from '../apps/api/src/payments/charges/card-charge.service';
import { PAYMENT_GATEWAY } from '../apps/api/src/payments/gateway/payment-gateway.provider';
import { PaymentReconcilerJob } from '../apps/api/src/payments/reconciler/payment-reconciler.job';
import { OrderExpiryJob } from '../apps/api/src/orders/order-expiry.job';
import { TestApp } from './support';
import { useTestApp } from './support/auth';
import { expectLedgerBalancedAfterEach } from './support/ledger';
import { card, CARDS, customerWithOrder, gatewayPaymentsFor } from './support/payments';

describe('paying orders by card (e2e)', () => {
  const suite = useTestApp({
    env: {
      PAYMENT_GATEWAY: 'mock',
      PAYMENT_GATEWAY_TIMEOUT: '300ms',
      PAYMENT_GATEWAY_ATTEMPTS: '2',
      PAYMENT_GATEWAY_HANG: '2s',
      PAYMENT_RECONCILE_INTERVAL: '0',
      ORDER_EXPIRY_INTERVAL: '0',
      OUTBOX_DISPATCH_INTERVAL: '100ms',
    },
  });
  let testApp: TestApp;

  beforeAll(() => {
    ({ testApp } = suite);
  });

  expectLedgerBalancedAfterEach(suite);

  const pay = (auth: string, orderId: string, number: string = CARDS.approved) =>
    testApp.http
      .post(`/orders/${orderId}/pay`)
      .set('Authorization', auth)
      .send({ card: card(number) });
  const reconcileLater = () =>
    testApp.app.get(PaymentReconcilerJob).reconcile(new Date(Date.now() + 10 * 60_000));
  const orderOf = async (auth: string, id: string) =>
    (await testApp.http.get(`/orders/${id}`).set('Authorization', auth).expect(200)).body;

  it('pays an order once: 200, the order paid, the shop credited, a receipt mailed', async () => {
    const { buyer, order } = await customerWithOrder(suite, 12_990);
    const paid = await pay(buyer.auth, order.id).expect(200);
    expect(paid.body.payment).toMatchObject({
      status: 'paid',
      amount: '129.90',
      card: { last4: '4242', holder: 'Ada Lovelace' },
    });
    expect(paid.body.order).toMatchObject({ status: 'paid', paidAt: expect.any(String) });
    expect(paid.body.order.history.map((entry: { status: string }) => entry.status)).toEqual([
      'pending',
      'paid',
    ]);
    const receipt = await suite.smtp.nextMailTo(buyer.email, 10_000, (mail) =>
      mail.subject.includes('129.90'),
    );
    expect(receipt.text).toContain('ending in 4242');
    const again = await pay(buyer.auth, order.id).expect(409);
    expect(again.body.error.code).toBe('ORDER_ALREADY_PAID');
    expect(await gatewayPaymentsFor(suite, order.id)).toHaveLength(1);
  });

  it('serves POST /order/pay/ with the order id in the body', async () => {
    const { buyer, order } = await customerWithOrder(suite);
    const paid = await testApp.http
      .post('/order/pay/')
      .set('Authorization', buyer.auth)
      .send({ orderId: order.id, card: card() })
      .expect(200);
    expect(paid.body.order.status).toBe('paid');
  });

  it.each([
    ['a number failing Luhn', { number: '4242424242424241' }, 'card.number'],
    ['15 digits', { number: '424242424242424' }, 'card.number'],
    ['an expiry in the past', { expiry: '0120' }, 'card.expiry'],
    ['a 4-digit CVV', { cvv: '1234' }, 'card.cvv'],
    ['no holder', { holder: '' }, 'card.holder'],
  ])('refuses %s before any call out, naming the field', async (_label, change, field) => {
    const { buyer, order } = await customerWithOrder(suite);
    const response = await testApp.http
      .post(`/orders/${order.id}/pay`)
      .set('Authorization', buyer.auth)
      .send({ card: { ...card(), ...change } })
      .expect(400);
    expect(response.body.error.details.map((detail: { field: string }) => detail.field)).toContain(
      field,
    );
    expect(JSON.stringify(response.body)).not.toContain('424242424242424');
    expect(
      await testApp.connection.collection('card_charges').countDocuments({ reference: order.id }),
    ).toBe(0);
  });

  it("answers 404 for an unknown order and for another customer's", async () => {
    const { order } = await customerWithOrder(suite);
    const { buyer: other } = await customerWithOrder(suite);
    await pay(other.auth, order.id).expect(404);
    await pay(other.auth, '00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('refuses a cancelled or expired order with 409', async () => {
    const { buyer, order } = await customerWithOrder(suite);
    await testApp.http
      .post(`/orders/${order.id}/cancel`)
      .set('Authorization', buyer.auth)
      .expect(200);
    expect((await pay(buyer.auth, order.id).expect(409)).body.error.code).toBe(
      'INVALID_TRANSITION',
    );
    const expiring = await customerWithOrder(suite);
    await testApp.app.get(OrderExpiryJob).expireDue(new Date(Date.now() + 60 * 60_000));
    await pay(expiring.buyer.auth, expiring.order.id).expect(409);
  });

  it.each([
    ['card_declined', CARDS.declined],
    ['insufficient_funds', CARDS.noFunds],
  ])('answers a decline (%s) with 402, keeping the order payable', async (reason, number) => {
    const { buyer, order } = await customerWithOrder(suite);
    const declined = await pay(buyer.auth, order.id, number).expect(402);
    expect(declined.body.error).toMatchObject({
      code: 'PAYMENT_DECLINED',
      details: [expect.objectContaining({ reason })],
    });
    expect((await orderOf(buyer.auth, order.id)).status).toBe('pending');
    await pay(buyer.auth, order.id).expect(200);
  });

  it('retries a 500 under the same key and charges once', async () => {
    const { buyer, order } = await customerWithOrder(suite);
    await pay(buyer.auth, order.id, CARDS.failsOnce).expect(200);
    expect(await gatewayPaymentsFor(suite, order.id)).toHaveLength(1);
  });

  it('leaves a gateway that always fails in doubt (202); the reconciler finds nothing and frees the order', async () => {
    const { buyer, order } = await customerWithOrder(suite);
    const doubt = await pay(buyer.auth, order.id, CARDS.failsAlways).expect(202);
    expect(doubt.body.payment.status).toBe('processing');
    await pay(buyer.auth, order.id).expect(409);
    await reconcileLater();
    const charge = await testApp.connection
      .collection('card_charges')
      .findOne({ _id: doubt.body.payment.id });
    expect(charge).toMatchObject({ status: 'failed' });
    await pay(buyer.auth, order.id).expect(200);
    expect(await gatewayPaymentsFor(suite, order.id)).toHaveLength(1);
  });

  it('keeps an order in doubt from expiring, and settles a charge that hung as paid', async () => {
    const { buyer, order } = await customerWithOrder(suite);
    const doubt = await pay(buyer.auth, order.id, CARDS.hangs).expect(202);
    expect(doubt.body.order.status).toBe('pending');
    await testApp.app.get(OrderExpiryJob).expireDue(new Date(Date.now() + 60 * 60_000));
    expect((await orderOf(buyer.auth, order.id)).status).toBe('pending');
    await reconcileLater();
    expect((await orderOf(buyer.auth, order.id)).status).toBe('paid');
    expect(await gatewayPaymentsFor(suite, order.id)).toHaveLength(1);
  });

  it('settles through the reconciler a charge the gateway captured before the shop could record it', async () => {
    const { buyer, order } = await customerWithOrder(suite);
    const charges = testApp.app.get(CardChargeService);
    const charge = await charges.record({
      purpose: 'order',
      reference: order.id,
      customerId: buyer.id,
      amountCents: 2500,
      currency: 'USD',
      card: card(),
    });
    await testApp.app.get(OrderPaymentsService).claimForCharge(buyer.id, order.id);
    const gateway = testApp.app.get<PaymentGatewayClient>(PAYMENT_GATEWAY);
    expect(
      (
        await gateway.charge(
          { amount: 2500, currency: 'USD', card: card(), reference: order.id },
          charge.gatewayKey,
        )
      ).status,
    ).toBe('paid');
    expect((await orderOf(buyer.auth, order.id)).status).toBe('pending');
    await reconcileLater();
    expect((await orderOf(buyer.auth, order.id)).status).toBe('paid');
    expect(
      (await testApp.connection.collection('card_charges').findOne({ _id: charge._id as never }))
        ?.status,
    ).toBe('paid');
  });

  it('refunds a charge captured for an order cancelled while it was in doubt', async () => {
    const { buyer, order } = await customerWithOrder(suite, 4000);
    await pay(buyer.auth, order.id, CARDS.hangs).expect(202);
    await testApp.http
      .post(`/orders/${order.id}/cancel`)
      .set('Authorization', buyer.auth)
      .expect(200);
    await reconcileLater();
    expect((await orderOf(buyer.auth, order.id)).status).toBe('cancelled');
    const [payment] = await gatewayPaymentsFor(suite, order.id);
    expect(payment).toMatchObject({ amount: 4000, refundedAmount: 4000 });
    expect(
      await testApp.connection
        .collection('card_charges')
        .countDocuments({ reference: order.id, status: 'refunded' }),
    ).toBe(1);
  });

  describe('concurrency', () => {
    it('charges once when the same pay request comes 20 times at once with one key', async () => {
      const { buyer, order } = await customerWithOrder(suite);
      testApp.concurrency.reset();
      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          pay(buyer.auth, order.id).set('Idempotency-Key', `pay-${order.id}`),
        ),
      );
      expect(testApp.concurrency.peak).toBeGreaterThan(1);
      const statuses = responses.map((response) => response.status);
      expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
      expect(await gatewayPaymentsFor(suite, order.id)).toHaveLength(1);
      expect(
        await testApp.connection
          .collection('card_charges')
          .countDocuments({ reference: order.id, status: 'paid' }),
      ).toBe(1);
      expect((await orderOf(buyer.auth, order.id)).history).toHaveLength(2);
    });

    it('charges once and answers 409 to the others when 20 keys pay one order at once', async () => {
      const { buyer, order } = await customerWithOrder(suite);
      testApp.concurrency.reset();
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          pay(buyer.auth, order.id).set('Idempotency-Key', `key-${index}-${order.id}`),
        ),
      );
      expect(testApp.concurrency.peak).toBeGreaterThan(1);
      expect(responses.filter((response) => response.status === 200)).toHaveLength(1);
      expect(responses.filter((response) => response.status === 409)).toHaveLength(19);
      expect(await gatewayPaymentsFor(suite, order.id)).toHaveLength(1);
    });
  });
});
