import { ChargeAnswer } from '../contract/answers';
import { TEST_CARDS } from '../contract/test-cards';
import {
  CARD,
  chargeRequest,
  deferred,
  newProcessor,
  NOW,
  uniqueKey,
} from '../testing/charge-fixtures.shared-spec';
import { PaymentProcessor } from './payment-processor';

function paymentIdOf(answer: ChargeAnswer): string {
  if (answer.status !== 'paid') throw new Error(`expected paid, got ${answer.status}`);
  return answer.paymentId;
}

describe(`${PaymentProcessor.name} charge`, () => {
  describe('test cards', () => {
    it.each([
      ['4242424242424242', CARD.approved],
      ['any other valid number', CARD.otherValid],
      ['the refund-failing card', CARD.refundsFail],
    ])('approves %s and records the payment by id and by reference', async (_name, number) => {
      const processor = newProcessor();
      const request = chargeRequest(number);

      const answer = await processor.charge(request, uniqueKey());

      expect(answer).toEqual({
        paymentId: expect.any(String),
        status: 'paid',
        amount: request.amount,
        currency: 'USD',
        reference: request.reference,
        cardLast4: number.slice(-4),
        createdAt: NOW.toISOString(),
      });
      const byId = await processor.findPayment(paymentIdOf(answer));
      const byReference = await processor.findByReference(request.reference);
      expect(byId).toEqual(byReference);
      expect(byId).toEqual({
        status: 'found',
        payment: { ...answer, cardHolder: 'Ada Lovelace', refundedAmount: 0, refunds: [] },
      });
    });

    it.each([
      [CARD.declined, 'card_declined'],
      [CARD.insufficientFunds, 'insufficient_funds'],
    ])('declines %s with reason %s and records no payment', async (number, reason) => {
      const processor = newProcessor();
      const request = chargeRequest(number);

      const answer = await processor.charge(request, uniqueKey());

      expect(answer).toEqual({ status: 'declined', reason, message: expect.any(String) });
      expect(await processor.findByReference(request.reference)).toMatchObject({
        status: 'not_found',
      });
    });

    it('fails the first attempt of each key of 4000000000000119 and approves its retry', async () => {
      const processor = newProcessor();
      const request = chargeRequest(CARD.failsFirstAttempt);
      const key = uniqueKey();

      expect(await processor.charge(request, key)).toMatchObject({ status: 'failed' });
      expect(await processor.findByReference(request.reference)).toMatchObject({
        status: 'not_found',
      });
      expect(await processor.charge(request, key)).toMatchObject({ status: 'paid' });
      const otherRequest = chargeRequest(CARD.failsFirstAttempt);
      expect(await processor.charge(otherRequest, uniqueKey())).toMatchObject({ status: 'failed' });
    });

    it('fails every attempt of 4000000000000127 and charges nothing', async () => {
      const processor = newProcessor();
      const request = chargeRequest(CARD.failsAlways);
      const key = uniqueKey();

      for (let attempt = 0; attempt < 4; attempt += 1) {
        expect(await processor.charge(request, key)).toEqual({
          status: 'failed',
          message: expect.any(String),
        });
      }
      expect(await processor.findByReference(request.reference)).toMatchObject({
        status: 'not_found',
      });
    });

    it('charges 4000000000000259 at once but holds every answer back, replays too', async () => {
      const hangs: number[] = [];
      const hang = deferred();
      const processor = newProcessor(undefined, {
        hangMs: 45_000,
        sleep: (ms) => {
          hangs.push(ms);
          return hang.promise;
        },
      });
      const request = chargeRequest(CARD.hangs);
      const key = uniqueKey();
      let settled = false;

      const charging = processor.charge(request, key).finally(() => (settled = true));
      const lookup = await waitForPayment(processor, request.reference);

      expect(settled).toBe(false);
      expect(hangs).toEqual([45_000]);
      const replaying = processor.charge(request, key);
      await waitFor(() => hangs.length === 2);
      hang.release();
      const [answer, replay] = await Promise.all([charging, replaying]);
      expect(answer).toEqual(replay);
      expect(paymentIdOf(answer)).toBe(lookup.paymentId);
    });

    it('names every test card once, each with a valid number', () => {
      const numbers = TEST_CARDS.map((card) => card.number);
      expect(new Set(numbers).size).toBe(7);
      expect(numbers.sort()).toEqual(
        Object.values(CARD)
          .filter((number) => number !== CARD.otherValid)
          .sort(),
      );
    });
  });

  describe('validation', () => {
    const processor = newProcessor();

    it.each([
      ['a number failing the Luhn check', { number: '4242424242424241' }, 'card.number'],
      ['a 15-digit number', { number: '424242424242424' }, 'card.number'],
      ['an expired card', { expiry: '0530' }, 'card.expiry'],
      ['an expiry that is not MMYY', { expiry: '1330' }, 'card.expiry'],
      ['a 4-digit CVV', { cvv: '1234' }, 'card.cvv'],
      ['a blank holder', { holder: '' }, 'card.holder'],
    ])('refuses %s', async (_name, card, field) => {
      const request = chargeRequest();
      const sentCard = { ...request.card, ...card };
      const answer = await processor.charge({ ...request, card: sentCard }, uniqueKey());

      expect(answer).toMatchObject({ status: 'invalid', code: 'invalid_request' });
      expect(answer.status === 'invalid' && answer.details?.map((detail) => detail.field)).toEqual([
        field,
      ]);
      expect(JSON.stringify(answer)).not.toContain(sentCard.number);
    });

    it.each([
      ['a zero amount', { amount: 0 }, 'amount'],
      ['a fractional amount', { amount: 12.5 }, 'amount'],
      ['an amount as text', { amount: '1299' }, 'amount'],
      ['an unknown currency', { currency: 'XYZ' }, 'currency'],
      ['a reference with spaces', { reference: 'order 1' }, 'reference'],
      ['no card', { card: undefined }, 'card'],
      ['an unknown field', { tip: 5 }, 'tip'],
    ])('refuses %s', async (_name, overrides, field) => {
      const answer = await processor.charge({ ...chargeRequest(), ...overrides }, uniqueKey());

      expect(answer.status === 'invalid' && answer.details?.map((detail) => detail.field)).toEqual([
        field,
      ]);
    });

    it.each([
      ['no key', undefined],
      ['an empty key', ''],
      ['a key with spaces', 'my key'],
      ['a key of 256 characters', 'k'.repeat(256)],
    ])('refuses %s, naming the Idempotency-Key header', async (_name, key) => {
      const answer = await processor.charge(chargeRequest(), key);

      expect(answer).toMatchObject({
        status: 'invalid',
        details: [{ field: 'Idempotency-Key', message: expect.any(String) }],
      });
    });

    it.each([
      ['an array', []],
      ['text', 'pay'],
      ['null', null],
    ])('refuses a body that is %s', async (_name, body) => {
      expect(await processor.charge(body, uniqueKey())).toMatchObject({
        status: 'invalid',
        details: [{ field: 'body', message: 'body must be a JSON object' }],
      });
    });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

async function waitForPayment(processor: PaymentProcessor, reference: string) {
  for (;;) {
    const lookup = await processor.findByReference(reference);
    if (lookup.status === 'found') return lookup.payment;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
