import { MemoryPaymentStore } from '../store/memory-payment-store';
import {
  CARD,
  chargeRequest,
  newProcessor,
  NOW,
  uniqueKey,
} from '../testing/charge-fixtures.shared-spec';
import { gateMethod } from '../testing/gated-store.shared-spec';
import { chargeFingerprint } from './fingerprint';
import { PaymentProcessor } from './payment-processor';

describe(`${PaymentProcessor.name} idempotency`, () => {
  it('replays the first answer for the same key and request, charging once', async () => {
    const processor = newProcessor(undefined, { newId: sequentialIds() });
    const request = chargeRequest();
    const key = uniqueKey();

    const first = await processor.charge(request, key);
    const replay = await processor.charge(request, key);

    expect(first).toMatchObject({ status: 'paid', paymentId: 'id-1' });
    expect(replay).toEqual(first);
    const lookup = await processor.findByReference(request.reference);
    expect(lookup).toMatchObject({ status: 'found', payment: { paymentId: 'id-1' } });
  });

  it('replays a decline rather than asking the card again', async () => {
    const processor = newProcessor();
    const request = chargeRequest(CARD.insufficientFunds);
    const key = uniqueKey();

    const first = await processor.charge(request, key);

    expect(await processor.charge(request, key)).toEqual(first);
    expect(first).toMatchObject({ status: 'declined', reason: 'insufficient_funds' });
  });

  it.each([
    ['another amount', { amount: 1 }],
    ['another reference', { reference: 'order-other' }],
    ['another currency', { currency: 'EUR' }],
  ])('refuses the key with %s: idempotency_key_reused', async (_name, change) => {
    const processor = newProcessor();
    const request = chargeRequest();
    const key = uniqueKey();
    await processor.charge(request, key);

    const answer = await processor.charge({ ...request, ...change }, key);

    expect(answer).toEqual({
      status: 'invalid',
      code: 'idempotency_key_reused',
      message: expect.any(String),
    });
  });

  it('refuses a charge key used again for a refund, and a refund key used on another payment', async () => {
    const processor = newProcessor();
    const chargeKey = uniqueKey();
    const first = await processor.charge(chargeRequest(), chargeKey);
    const second = await processor.charge(chargeRequest(), uniqueKey());
    if (first.status !== 'paid' || second.status !== 'paid') throw new Error('not paid');
    const refundKey = uniqueKey();
    await processor.refund(first.paymentId, { amount: 10 }, refundKey);

    expect(await processor.refund(first.paymentId, { amount: 10 }, chargeKey)).toMatchObject({
      code: 'idempotency_key_reused',
    });
    expect(await processor.refund(second.paymentId, { amount: 10 }, refundKey)).toMatchObject({
      code: 'idempotency_key_reused',
    });
  });

  it('keeps nothing for an invalid request, so the key still serves the corrected one', async () => {
    const processor = newProcessor();
    const request = chargeRequest();
    const key = uniqueKey();

    expect(await processor.charge({ ...request, amount: 0 }, key)).toMatchObject({
      status: 'invalid',
    });
    expect(await processor.charge(request, key)).toMatchObject({ status: 'paid' });
  });

  it('keeps the first request of a key that failed: a retry may run, another request may not', async () => {
    const processor = newProcessor();
    const request = chargeRequest(CARD.failsFirstAttempt);
    const key = uniqueKey();
    await processor.charge(request, key);

    expect(await processor.charge({ ...request, amount: 5 }, key)).toMatchObject({
      code: 'idempotency_key_reused',
    });
    expect(await processor.charge(request, key)).toMatchObject({ status: 'paid' });
  });

  it('tells a request to retry while the same key is still being processed', async () => {
    const gated = gateMethod(new MemoryPaymentStore(), 'insertPayment', 2);
    const processor = newProcessor(gated.store);
    const request = chargeRequest();
    const key = uniqueKey();

    const first = processor.charge(request, key);
    const meanwhile = await processor.charge(request, key);
    const other = processor.charge(chargeRequest(), uniqueKey());

    expect(meanwhile).toEqual({ status: 'in_progress', message: expect.any(String) });
    await Promise.all([first, other]);
    expect(await processor.charge(request, key)).toEqual(await first);
  });

  it('takes over a key whose claim was abandoned once its lease has expired', async () => {
    const store = new MemoryPaymentStore();
    const request = chargeRequest();
    const key = uniqueKey();
    const claimedAt = new Date(NOW.getTime() - 60_000);
    await store.insertKey({
      key,
      fingerprint: chargeFingerprint(request),
      state: 'in_flight',
      attempts: 1,
      leaseExpiresAt: new Date(claimedAt.getTime() + 30_000),
      createdAt: claimedAt,
    });

    const answer = await newProcessor(store).charge(request, key);

    expect(answer).toMatchObject({ status: 'paid' });
    expect(await store.findKey(key)).toMatchObject({ state: 'completed', attempts: 2 });
  });

  it('leaves the key retryable when the store fails mid-way', async () => {
    const store = new MemoryPaymentStore();
    const failing = new Proxy(store, {
      get: (target, property, receiver) =>
        property === 'insertPayment'
          ? () => Promise.reject(new Error('connection lost'))
          : Reflect.get(target, property, receiver),
    });
    const request = chargeRequest();
    const key = uniqueKey();

    await expect(newProcessor(failing).charge(request, key)).rejects.toThrow('connection lost');

    expect(await store.findKey(key)).toMatchObject({ state: 'failed' });
    expect(await newProcessor(store).charge(request, key)).toMatchObject({ status: 'paid' });
  });
});

function sequentialIds(): () => string {
  let next = 0;
  return () => `id-${(next += 1)}`;
}
