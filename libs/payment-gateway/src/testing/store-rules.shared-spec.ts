import { ChargeAnswer } from '../contract/answers';
import { PaymentStore } from '../store/payment-store';
import {
  CARD,
  chargeRequest,
  CVV,
  newProcessor,
  uniqueKey,
  uniqueReference,
} from './charge-fixtures.shared-spec';
import { gateMethod, recordWrites } from './gated-store.shared-spec';

const RACERS = 6;

function paidId(answer: ChargeAnswer): string {
  if (answer.status !== 'paid') throw new Error(`expected paid, got ${JSON.stringify(answer)}`);
  return answer.paymentId;
}

/**
 * The processor's race-free rules, run on a given store: every implementation must keep them.
 * `openStore` gives a store on fresh, empty data; `reopenStore` the same data again (a restart).
 */
export function describeStoreRules(
  openStore: () => Promise<PaymentStore>,
  reopenStore: (store: PaymentStore) => Promise<PaymentStore>,
): void {
  it('pays a reference once when charges under different keys race: the others are duplicates', async () => {
    const gated = gateMethod(await openStore(), 'insertPayment', RACERS);
    const processor = newProcessor(gated.store);
    const reference = uniqueReference();

    const answers = await Promise.all(
      Array.from({ length: RACERS }, () =>
        processor.charge(chargeRequest(CARD.approved, { reference }), uniqueKey()),
      ),
    );

    expect(gated.maxConcurrent()).toBe(RACERS);
    const paid = answers.filter((answer) => answer.status === 'paid');
    expect(paid).toHaveLength(1);
    const duplicates = answers.filter((answer) => answer.status === 'duplicate');
    expect(duplicates).toHaveLength(RACERS - 1);
    expect(duplicates.map((answer) => 'paymentId' in answer && answer.paymentId)).toEqual(
      Array(RACERS - 1).fill(paidId(paid[0])),
    );
  });

  it('never refunds more than was captured when refunds race', async () => {
    const store = await openStore();
    const paymentId = paidId(
      await newProcessor(store).charge(chargeRequest(CARD.approved, { amount: 100 }), uniqueKey()),
    );
    const gated = gateMethod(store, 'addRefund', RACERS);
    const processor = newProcessor(gated.store);

    const answers = await Promise.all(
      Array.from({ length: RACERS }, () =>
        processor.refund(paymentId, { amount: 30 }, uniqueKey()),
      ),
    );

    expect(gated.maxConcurrent()).toBe(RACERS);
    expect(answers.filter((answer) => answer.status === 'refunded')).toHaveLength(3);
    expect(
      answers.filter(
        (answer) => answer.status === 'invalid' && answer.code === 'refund_exceeds_payment',
      ),
    ).toHaveLength(RACERS - 3);
    const lookup = await processor.findPayment(paymentId);
    expect(lookup.status === 'found' && lookup.payment.refundedAmount).toBe(90);
  });

  it('answers a retried key from the store after a restart, without charging again', async () => {
    const store = await openStore();
    const request = chargeRequest();
    const key = uniqueKey();
    const first = await newProcessor(store).charge(request, key);

    const restarted = newProcessor(await reopenStore(store));
    const replay = await restarted.charge(request, key);

    expect(replay).toEqual(first);
    const lookup = await restarted.findByReference(request.reference);
    expect(lookup.status === 'found' && lookup.payment.paymentId).toBe(paidId(first));
  });

  it('refuses a key first used with another request, after a restart too', async () => {
    const store = await openStore();
    const key = uniqueKey();
    await newProcessor(store).charge(chargeRequest(), key);

    const restarted = newProcessor(await reopenStore(store));
    const answer = await restarted.charge(chargeRequest(), key);

    expect(answer).toMatchObject({ status: 'invalid', code: 'idempotency_key_reused' });
  });

  it('is never given a card number or a CVV, only the last four digits and the holder', async () => {
    const recorded = recordWrites(await openStore());
    const processor = newProcessor(recorded.store, { sleep: async () => undefined });
    const cards = Object.values(CARD);
    for (const number of cards) {
      const request = chargeRequest(number);
      const key = uniqueKey();
      await processor.charge(request, key);
      await processor.charge(request, key);
      const lookup = await processor.findByReference(request.reference);
      if (lookup.status === 'found') {
        await processor.refund(lookup.payment.paymentId, { amount: 100 }, uniqueKey());
      }
    }

    expect(recorded.written.length).toBeGreaterThan(cards.length * 4);
    for (const written of recorded.written) {
      for (const number of cards) expect(written).not.toContain(number);
      expect(written).not.toMatch(/cvv/i);
      expect(written).not.toContain(`"${CVV}"`);
    }
    expect(recorded.written.join()).toContain('"cardLast4":"4242"');
  });
}
