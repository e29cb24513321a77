import { ChargeAnswer } from '../contract/answers';
import {
  CARD,
  chargeRequest,
  newProcessor,
  NOW,
  uniqueKey,
} from '../testing/charge-fixtures.shared-spec';
import { PaymentProcessor } from './payment-processor';

async function paidPayment(processor: PaymentProcessor, number: string = CARD.approved) {
  const answer: ChargeAnswer = await processor.charge(
    chargeRequest(number, { amount: 10_000 }),
    uniqueKey(),
  );
  if (answer.status !== 'paid') throw new Error(`expected paid, got ${answer.status}`);
  return answer;
}

describe(`${PaymentProcessor.name} refund`, () => {
  it('refunds in parts up to the captured amount and lists the refunds on the payment', async () => {
    const processor = newProcessor();
    const payment = await paidPayment(processor);

    const first = await processor.refund(payment.paymentId, { amount: 2_500 }, uniqueKey());
    const rest = await processor.refund(payment.paymentId, { amount: 7_500 }, uniqueKey());

    expect(first).toEqual({
      refundId: expect.any(String),
      status: 'refunded',
      paymentId: payment.paymentId,
      amount: 2_500,
      currency: 'USD',
      createdAt: NOW.toISOString(),
    });
    expect(rest).toMatchObject({ status: 'refunded', amount: 7_500 });
    const lookup = await processor.findPayment(payment.paymentId);
    expect(lookup).toMatchObject({
      status: 'found',
      payment: {
        refundedAmount: 10_000,
        refunds: [
          { refundId: 'refundId' in first && first.refundId, amount: 2_500 },
          { amount: 7_500 },
        ],
      },
    });
  });

  it('refuses a refund beyond what is left: refund_exceeds_payment, nothing refunded', async () => {
    const processor = newProcessor();
    const payment = await paidPayment(processor);
    await processor.refund(payment.paymentId, { amount: 6_000 }, uniqueKey());

    const answer = await processor.refund(payment.paymentId, { amount: 4_001 }, uniqueKey());

    expect(answer).toEqual({
      status: 'invalid',
      code: 'refund_exceeds_payment',
      message: expect.any(String),
      details: [{ field: 'amount', message: expect.any(String) }],
    });
    expect(await processor.findPayment(payment.paymentId)).toMatchObject({
      payment: { refundedAmount: 6_000 },
    });
  });

  it('replays a refund for its key instead of refunding twice', async () => {
    const processor = newProcessor();
    const payment = await paidPayment(processor);
    const key = uniqueKey();

    const first = await processor.refund(payment.paymentId, { amount: 1_000 }, key);
    const replay = await processor.refund(payment.paymentId, { amount: 1_000 }, key);

    expect(replay).toEqual(first);
    expect(await processor.findPayment(payment.paymentId)).toMatchObject({
      payment: { refundedAmount: 1_000 },
    });
  });

  it('fails the first 3 attempts of each refund key of 4000000000005126, then refunds', async () => {
    const processor = newProcessor();
    const payment = await paidPayment(processor, CARD.refundsFail);
    const key = uniqueKey();

    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await processor.refund(payment.paymentId, { amount: 500 }, key)).toMatchObject({
        status: 'failed',
      });
    }
    expect(await processor.findPayment(payment.paymentId)).toMatchObject({
      payment: { refundedAmount: 0 },
    });
    expect(await processor.refund(payment.paymentId, { amount: 500 }, key)).toMatchObject({
      status: 'refunded',
    });
    expect(await processor.refund(payment.paymentId, { amount: 500 }, uniqueKey())).toMatchObject({
      status: 'failed',
    });
  });

  it('takes the number of failing refund attempts as an option', async () => {
    const processor = newProcessor(undefined, { refundFailures: 1 });
    const payment = await paidPayment(processor, CARD.refundsFail);
    const key = uniqueKey();

    expect(await processor.refund(payment.paymentId, { amount: 500 }, key)).toMatchObject({
      status: 'failed',
    });
    expect(await processor.refund(payment.paymentId, { amount: 500 }, key)).toMatchObject({
      status: 'refunded',
    });
  });

  it('answers not_found for an unknown payment and invalid for a malformed id', async () => {
    const processor = newProcessor();
    const unknownId = '0b8e8f55-4c8d-4a59-9a4e-2d2f3c7d9a10';

    expect(await processor.refund(unknownId, { amount: 1 }, uniqueKey())).toEqual({
      status: 'not_found',
      message: expect.any(String),
    });
    expect(await processor.refund('pay-1', { amount: 1 }, uniqueKey())).toMatchObject({
      status: 'invalid',
      details: [{ field: 'paymentId', message: expect.any(String) }],
    });
    expect(await processor.findPayment(unknownId)).toMatchObject({ status: 'not_found' });
    expect(await processor.findByReference('no such order')).toMatchObject({
      status: 'invalid',
      details: [{ field: 'reference', message: expect.any(String) }],
    });
  });

  it.each([
    ['a zero amount', { amount: 0 }],
    ['a negative amount', { amount: -100 }],
    ['no amount', {}],
    ['an unknown field', { amount: 5, reason: 'x' }],
  ])('refuses %s', async (_name, body) => {
    const processor = newProcessor();
    const payment = await paidPayment(processor);

    expect(await processor.refund(payment.paymentId, body, uniqueKey())).toMatchObject({
      status: 'invalid',
      code: 'invalid_request',
    });
  });
});
