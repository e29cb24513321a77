import { randomUUID } from 'node:crypto';
import {
  ChargeRequest,
  InProcessGatewayTransport,
  MemoryPaymentStore,
  PaymentGatewayClient,
  PaymentProcessor,
} from '@kassa/payment-gateway';
import {
  countingTransport,
  httpClient,
  startTestGateway,
  TestGateway,
} from './support/payment-gateway';

const CARD = {
  approved: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  failsFirstAttempt: '4000000000000119',
  failsAlways: '4000000000000127',
  hangs: '4000000000000259',
  refundsFail: '4000000000005126',
} as const;
/** December, five years ahead: valid whenever the suite runs. */
const EXPIRY = `12${String((new Date().getUTCFullYear() + 5) % 100).padStart(2, '0')}`;

function charge(
  number: string = CARD.approved,
  overrides: Partial<ChargeRequest> = {},
): ChargeRequest {
  return {
    amount: 4_999,
    currency: 'EUR',
    card: { holder: 'Grace Hopper', number, expiry: EXPIRY, cvv: '314' },
    reference: `order-${randomUUID()}`,
    ...overrides,
  };
}

const key = () => `key-${randomUUID()}`;

/** A JSON body as the tests read it. */
type Json = Record<string, any>;

describe('payment gateway (e2e)', () => {
  let gateway: TestGateway;

  /** A raw HTTP call, to check status codes and bodies as any client would see them. */
  async function post(path: string, body: unknown, idempotencyKey?: string) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const response = await fetch(gateway.baseUrl + path, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  beforeAll(async () => {
    gateway = await startTestGateway({ hangMs: 20_000 });
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  describe('HTTP API', () => {
    it('charges: 200 with the payment, the request id echoed, and the payment found by id and reference', async () => {
      const request = charge();
      const response = await fetch(`${gateway.baseUrl}/payments`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': key(),
          'x-request-id': 'req-1',
        },
        body: JSON.stringify(request),
      });
      const paid = (await response.json()) as Json;

      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe('req-1');
      expect(paid).toEqual({
        paymentId: expect.any(String),
        status: 'paid',
        amount: 4_999,
        currency: 'EUR',
        reference: request.reference,
        cardLast4: '4242',
        createdAt: expect.any(String),
      });
      const byId = await fetch(`${gateway.baseUrl}/payments/${paid.paymentId}`);
      const byReference = await fetch(`${gateway.baseUrl}/payments?reference=${request.reference}`);
      const payment = { ...paid, cardHolder: 'Grace Hopper', refundedAmount: 0, refunds: [] };
      expect([byId.status, await byId.json()]).toEqual([200, payment]);
      expect([byReference.status, await byReference.json()]).toEqual([200, payment]);
    });

    it.each([
      [CARD.declined, 'card_declined'],
      [CARD.insufficientFunds, 'insufficient_funds'],
    ])('declines %s: 402 with the reason as code', async (number, code) => {
      const { status, body } = await post('/payments', charge(number), key());

      expect(status).toBe(402);
      expect(body).toEqual({ error: { code, message: expect.any(String) } });
    });

    it('refuses an invalid request: 400 with a detail per field and no card number echoed', async () => {
      const request = charge('4242424242424241', { amount: -5 });
      const { status, body } = await post('/payments', request);

      expect(status).toBe(400);
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.details.map((detail: { field: string }) => detail.field)).toEqual([
        'Idempotency-Key',
        'amount',
        'card.number',
      ]);
      expect(JSON.stringify(body)).not.toContain('4242424242424241');
    });

    it('answers 409 with the existing paymentId for a reference already paid', async () => {
      const request = charge();
      const first = await post('/payments', request, key());

      const second = await post('/payments', { ...request, amount: 1 }, key());

      expect(second.status).toBe(409);
      expect(second.body).toEqual({
        error: { code: 'duplicate_charge', message: expect.any(String) },
        paymentId: first.body.paymentId,
      });
    });

    it('replays the first answer for a key and refuses the key with another request', async () => {
      const request = charge();
      const idempotencyKey = key();
      const first = await post('/payments', request, idempotencyKey);

      const replay = await post('/payments', request, idempotencyKey);
      const reused = await post('/payments', { ...request, amount: 5_000 }, idempotencyKey);

      expect(replay).toMatchObject({ status: 200, body: first.body });
      expect(reused.status).toBe(400);
      expect(reused.body.error.code).toBe('idempotency_key_reused');
    });

    it('answers 500 for 4000000000000127 and 404 for an unknown payment', async () => {
      const failed = await post('/payments', charge(CARD.failsAlways), key());
      const missing = await fetch(`${gateway.baseUrl}/payments/${randomUUID()}`);

      expect(failed).toMatchObject({ status: 500, body: { error: { code: 'processing_error' } } });
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({
        error: { code: 'payment_not_found', message: expect.any(String) },
      });
    });

    it('pays a reference once when charges race under different keys: one 200, the rest 409', async () => {
      const request = charge();

      const responses = await Promise.all(
        Array.from({ length: 6 }, () => post('/payments', request, key())),
      );

      const paid = responses.filter((response) => response.status === 200);
      expect(paid).toHaveLength(1);
      expect(
        responses.filter((response) => response.status === 409).map((r) => r.body.paymentId),
      ).toEqual(Array(5).fill(paid[0].body.paymentId));
    });

    it('answers an unreadable body and an unknown route in the same error shape, quoting nothing', async () => {
      const unreadable = await fetch(`${gateway.baseUrl}/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key() },
        body: `{"card":{"number":"${CARD.approved}"`,
      });
      const unknownRoute = await fetch(`${gateway.baseUrl}/charges`);

      expect(unreadable.status).toBe(400);
      const text = await unreadable.text();
      expect(JSON.parse(text)).toEqual({
        error: { code: 'invalid_request', message: 'The request could not be read' },
      });
      expect(text).not.toContain(CARD.approved);
      expect(unknownRoute.status).toBe(404);
      expect(await unknownRoute.json()).toEqual({
        error: { code: 'not_found', message: expect.any(String) },
      });
    });

    it('serves Swagger at /docs with the test cards, and the document at /docs-json', async () => {
      const document = (await (await fetch(`${gateway.baseUrl}/docs-json`)).json()) as Json;
      const page = await fetch(`${gateway.baseUrl}/docs`);

      expect(page.status).toBe(200);
      expect(Object.keys(document.paths).sort()).toEqual([
        '/health',
        '/payments',
        '/payments/{paymentId}',
        '/payments/{paymentId}/refunds',
      ]);
      for (const number of Object.values(CARD)) expect(document.info.description).toContain(number);
    });
  });

  describe('client over HTTP', () => {
    it('retries the 500 of 4000000000000119 under the same key and is paid', async () => {
      const { transport, chargeKeys } = countingTransport(gateway);
      const client = new PaymentGatewayClient(transport, { baseDelayMs: 10, seed: 3 });

      const result = await client.charge(charge(CARD.failsFirstAttempt), 'key-e2e-119');

      expect(result).toMatchObject({ status: 'paid', cardLast4: '0119', duplicate: false });
      expect(chargeKeys).toEqual(['key-e2e-119', 'key-e2e-119']);
    });

    it('ends unknown after its attempts at 4000000000000127, having charged nothing', async () => {
      const { transport, chargeKeys } = countingTransport(gateway);
      const client = new PaymentGatewayClient(transport, { baseDelayMs: 10, maxAttempts: 3 });
      const request = charge(CARD.failsAlways);

      const result = await client.charge(request, key());

      expect(result).toMatchObject({ status: 'unknown', reason: 'gateway_error', attempts: 3 });
      expect(chargeKeys).toHaveLength(3);
      expect(await client.findByReference(request.reference)).toMatchObject({
        status: 'not_found',
      });
    });

    it('times out on the hanging card, and the charge is found by reference at once', async () => {
      const { transport, chargeKeys } = countingTransport(gateway);
      const client = new PaymentGatewayClient(transport, {
        baseDelayMs: 10,
        maxAttempts: 2,
        timeoutMs: 300,
      });
      const request = charge(CARD.hangs);

      const result = await client.charge(request, 'key-e2e-259');

      expect(result).toMatchObject({ status: 'unknown', reason: 'timeout', attempts: 2 });
      expect(chargeKeys).toEqual(['key-e2e-259', 'key-e2e-259']);
      expect(await client.findByReference(request.reference)).toMatchObject({
        status: 'found',
        payment: { reference: request.reference, cardLast4: '0259', amount: 4_999 },
      });
    });

    it('resolves racing charges of one reference to the one payment', async () => {
      const client = httpClient(gateway);
      const request = charge();

      const results = await Promise.all(
        Array.from({ length: 6 }, () => client.charge(request, key())),
      );

      const ids = new Set(results.map((result) => result.status === 'paid' && result.paymentId));
      expect(ids.size).toBe(1);
      expect(
        results.filter((result) => result.status === 'paid' && !result.duplicate),
      ).toHaveLength(1);
      expect(results.filter((result) => result.status === 'paid' && result.duplicate)).toHaveLength(
        5,
      );
    });

    it('refunds in parts, refuses more than captured, and lists the refunds on the payment', async () => {
      const client = httpClient(gateway);
      const paid = await client.charge(charge(CARD.approved, { amount: 1_000 }), key());
      if (paid.status !== 'paid') throw new Error('not paid');

      const part = await client.refund(paid.paymentId, { amount: 600 }, key());
      const tooMuch = await client.refund(paid.paymentId, { amount: 401 }, key());
      const lookup = await client.findPayment(paid.paymentId);

      expect(part).toMatchObject({ status: 'refunded', amount: 600, currency: 'EUR' });
      expect(tooMuch).toMatchObject({ status: 'invalid', code: 'refund_exceeds_payment' });
      expect(lookup).toMatchObject({
        status: 'found',
        payment: { refundedAmount: 600, refunds: [{ amount: 600 }] },
      });
    });

    it('ends a failing refund of 4000000000005126 unknown; a later retry with its key refunds', async () => {
      const client = httpClient(gateway, { maxAttempts: 2 });
      const paid = await client.charge(charge(CARD.refundsFail), key());
      if (paid.status !== 'paid') throw new Error('not paid');
      const refundKey = key();

      const first = await client.refund(paid.paymentId, { amount: 100 }, refundKey);
      const second = await client.refund(paid.paymentId, { amount: 100 }, refundKey);

      expect(first).toMatchObject({ status: 'unknown', reason: 'gateway_error', attempts: 2 });
      expect(second).toMatchObject({ status: 'refunded', amount: 100 });
    });

    it('answers exactly as the in-process transport does, for a valid and an invalid request', async () => {
      const inProcess = new PaymentGatewayClient(
        new InProcessGatewayTransport(new PaymentProcessor(new MemoryPaymentStore())),
      );
      const overHttp = httpClient(gateway);
      const invalid = { ...charge('4000000000000003'), currency: 'usd', extra: true };
      const declined = charge(CARD.declined);

      expect(await overHttp.charge(invalid, key())).toEqual(await inProcess.charge(invalid, key()));
      expect(await overHttp.charge(declined, key())).toEqual(
        await inProcess.charge(declined, key()),
      );
    });

    it('answers a retried key from MongoDB after the gateway restarts', async () => {
      const request = charge();
      const idempotencyKey = key();
      const first = await httpClient(gateway).charge(request, idempotencyKey);

      await gateway.restart();
      const replay = await httpClient(gateway).charge(request, idempotencyKey);

      expect(first).toMatchObject({ status: 'paid' });
      expect(replay).toEqual(first);
    });
  });
});
