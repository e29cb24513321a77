import { ChargeAnswer } from '../contract/answers';
import { PaymentProcessor, PaymentProcessorOptions } from '../processor/payment-processor';
import {
  CARD,
  chargeRequest,
  newProcessor,
  uniqueKey,
} from '../testing/charge-fixtures.shared-spec';
import { GatewayTransport } from './gateway-transport';
import { InProcessGatewayTransport } from './in-process-transport';
import { PaymentGatewayClient, PaymentGatewayClientOptions } from './payment-gateway-client';

const NEVER = new Promise<void>(() => undefined);

interface Harness {
  client: PaymentGatewayClient;
  processor: PaymentProcessor;
  charges: jest.SpyInstance;
  refunds: jest.SpyInstance;
  delays: number[];
}

/** A client on an in-process processor whose calls are counted and whose waits are recorded. */
function harness(
  clientOptions: PaymentGatewayClientOptions = {},
  processorOptions: PaymentProcessorOptions = {},
): Harness {
  const processor = newProcessor(undefined, processorOptions);
  const delays: number[] = [];
  const client = new PaymentGatewayClient(new InProcessGatewayTransport(processor), {
    seed: 7,
    sleep: async (ms) => void delays.push(ms),
    ...clientOptions,
  });
  return {
    client,
    processor,
    charges: jest.spyOn(processor, 'charge'),
    refunds: jest.spyOn(processor, 'refund'),
    delays,
  };
}

function keysOf(spy: jest.SpyInstance, keyArgument: number): unknown[] {
  return spy.mock.calls.map((call) => call[keyArgument]);
}

describe(PaymentGatewayClient.name, () => {
  describe('charge', () => {
    it('pays in one attempt', async () => {
      const { client, charges, delays } = harness();
      const request = chargeRequest();

      const result = await client.charge(request, 'key-1');

      expect(result).toMatchObject({
        status: 'paid',
        reference: request.reference,
        duplicate: false,
      });
      expect(charges).toHaveBeenCalledTimes(1);
      expect(delays).toEqual([]);
    });

    it('retries a 500 under the same key and gets the approval', async () => {
      const { client, charges, delays } = harness();

      const result = await client.charge(chargeRequest(CARD.failsFirstAttempt), 'key-119');

      expect(result).toMatchObject({ status: 'paid', cardLast4: '0119' });
      expect(keysOf(charges, 1)).toEqual(['key-119', 'key-119']);
      expect(delays).toHaveLength(1);
    });

    it('gives up after the last attempt with an unknown outcome instead of throwing', async () => {
      const { client, processor, charges, delays } = harness({ maxAttempts: 4 });
      const request = chargeRequest(CARD.failsAlways);

      const result = await client.charge(request, 'key-127');

      expect(result).toEqual({
        status: 'unknown',
        reason: 'gateway_error',
        attempts: 4,
        message: expect.any(String),
      });
      expect(keysOf(charges, 1)).toEqual(Array(4).fill('key-127'));
      expect(delays).toHaveLength(3);
      expect(await processor.findByReference(request.reference)).toMatchObject({
        status: 'not_found',
      });
    });

    it.each([
      ['a decline', CARD.declined, { status: 'declined', reason: 'card_declined' }],
      ['an insufficient-funds decline', CARD.insufficientFunds, { reason: 'insufficient_funds' }],
      ['an invalid card', '4242424242424241', { status: 'invalid', code: 'invalid_request' }],
    ])('never retries %s', async (_name, number, expected) => {
      const { client, charges, delays } = harness();

      expect(await client.charge(chargeRequest(number), uniqueKey())).toMatchObject(expected);
      expect(charges).toHaveBeenCalledTimes(1);
      expect(delays).toEqual([]);
    });

    it('resolves a duplicate (409) to the payment that already paid the reference', async () => {
      const { client } = harness();
      const request = chargeRequest();
      const first = await client.charge(request, 'key-a');

      const second = await client.charge({ ...request, amount: 1 }, 'key-b');

      expect(first).toMatchObject({ status: 'paid', duplicate: false });
      expect(second).toEqual({ ...first, duplicate: true });
    });

    it('times out a hanging answer, retries under the same key, and ends unknown: the charge is found by reference', async () => {
      const { client, processor, charges } = harness(
        { timeoutMs: 20, maxAttempts: 3 },
        { sleep: () => NEVER },
      );
      const request = chargeRequest(CARD.hangs);

      const result = await client.charge(request, 'key-259');

      expect(result).toMatchObject({ status: 'unknown', reason: 'timeout', attempts: 3 });
      expect(keysOf(charges, 1)).toEqual(Array(3).fill('key-259'));
      expect(await client.findByReference(request.reference)).toMatchObject({
        status: 'found',
        payment: { reference: request.reference, cardLast4: '0259' },
      });
      expect(await processor.findByReference(request.reference)).toMatchObject({ status: 'found' });
    });

    it('retries a key still in use and an unreachable gateway, and says which came last', async () => {
      const answers: Array<() => Promise<ChargeAnswer>> = [
        async () => ({ status: 'in_progress', message: 'busy' }),
        async () => Promise.reject(new TypeError('fetch failed')),
      ];
      const transport = { charge: jest.fn(() => answers.shift()!()) };
      const client = new PaymentGatewayClient(transport as unknown as GatewayTransport, {
        maxAttempts: 2,
        sleep: async () => undefined,
      });

      expect(await client.charge(chargeRequest(), 'key-1')).toMatchObject({
        status: 'unknown',
        reason: 'unreachable',
        attempts: 2,
      });
      expect(transport.charge).toHaveBeenCalledTimes(2);
    });
  });

  describe('refund', () => {
    it('ends unknown while the card refuses refunds, and a later retry with the key refunds', async () => {
      const { client, processor, refunds } = harness({ maxAttempts: 3 });
      const paid = await client.charge(chargeRequest(CARD.refundsFail), uniqueKey());
      if (paid.status !== 'paid') throw new Error('not paid');

      const first = await client.refund(paid.paymentId, { amount: 100 }, 'refund-1');
      const later = await client.refund(paid.paymentId, { amount: 100 }, 'refund-1');

      expect(first).toMatchObject({ status: 'unknown', reason: 'gateway_error', attempts: 3 });
      expect(later).toMatchObject({ status: 'refunded', amount: 100, paymentId: paid.paymentId });
      expect(keysOf(refunds, 2)).toEqual(Array(4).fill('refund-1'));
      expect(await processor.findPayment(paid.paymentId)).toMatchObject({
        payment: { refundedAmount: 100 },
      });
    });

    it('never retries a refund beyond the captured amount', async () => {
      const { client, refunds } = harness();
      const paid = await client.charge(chargeRequest(CARD.approved, { amount: 50 }), uniqueKey());
      if (paid.status !== 'paid') throw new Error('not paid');

      expect(await client.refund(paid.paymentId, { amount: 51 }, uniqueKey())).toMatchObject({
        status: 'invalid',
        code: 'refund_exceeds_payment',
      });
      expect(refunds).toHaveBeenCalledTimes(1);
    });
  });

  describe('lookups', () => {
    it('finds a payment by id and by reference, and says not_found for an unknown one', async () => {
      const { client } = harness();
      const request = chargeRequest();
      const paid = await client.charge(request, uniqueKey());
      if (paid.status !== 'paid') throw new Error('not paid');

      const byId = await client.findPayment(paid.paymentId);

      expect(byId).toMatchObject({ status: 'found', payment: { paymentId: paid.paymentId } });
      expect(await client.findByReference(request.reference)).toEqual(byId);
      expect(await client.findByReference('order-none')).toMatchObject({ status: 'not_found' });
    });
  });

  describe('backoff', () => {
    async function delaysOf(options: PaymentGatewayClientOptions): Promise<number[]> {
      const { client, delays } = harness({ maxAttempts: 6, ...options });
      await client.charge(chargeRequest(CARD.failsAlways), uniqueKey());
      return delays;
    }

    it('doubles the step per retry up to the cap', async () => {
      expect(await delaysOf({ baseDelayMs: 100, maxDelayMs: 1_000, random: () => 1 })).toEqual([
        100, 200, 400, 800, 1_000,
      ]);
      expect(await delaysOf({ baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0 })).toEqual([
        50, 100, 200, 400, 500,
      ]);
    });

    it('draws the same jitter from the same seed and other jitter from another', async () => {
      const first = await delaysOf({ seed: 42 });
      const again = await delaysOf({ seed: 42 });
      const other = await delaysOf({ seed: 43 });

      expect(again).toEqual(first);
      expect(other).not.toEqual(first);
      const steps = [200, 400, 800, 1_600, 2_000];
      first.forEach((delay, index) => {
        expect(delay).toBeGreaterThanOrEqual(steps[index] / 2);
        expect(delay).toBeLessThanOrEqual(steps[index]);
      });
      expect(new Set(first.map((delay, index) => delay / steps[index])).size).toBeGreaterThan(1);
    });

    it('refuses options that would not retry sensibly', () => {
      const transport = new InProcessGatewayTransport(newProcessor());
      expect(() => new PaymentGatewayClient(transport, { maxAttempts: 0 })).toThrow(RangeError);
      expect(() => new PaymentGatewayClient(transport, { timeoutMs: -1 })).toThrow(RangeError);
    });
  });
});
