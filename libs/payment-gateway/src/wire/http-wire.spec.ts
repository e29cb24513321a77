import { ChargeAnswer, InvalidRequest, LookupAnswer, RefundAnswer } from '../contract/answers';
import {
  chargeAnswerFrom,
  lookupAnswerFrom,
  refundAnswerFrom,
  toWireResponse,
  WireResponse,
} from './http-wire';

const PAID: ChargeAnswer = {
  paymentId: 'b1d0c8a2-6f6e-4c56-8f37-0c7b8f3e2a11',
  status: 'paid',
  amount: 1299,
  currency: 'USD',
  reference: 'order-1',
  cardLast4: '4242',
  createdAt: '2030-06-15T12:00:00.000Z',
};
const INVALID: InvalidRequest = {
  status: 'invalid',
  code: 'invalid_request',
  message: 'The request is invalid',
  details: [{ field: 'amount', message: 'amount must not be less than 1' }],
};
const IN_PROGRESS = { status: 'in_progress', message: 'busy' } as const;
const FAILED = { status: 'failed', message: 'retry' } as const;
const NOT_FOUND = { status: 'not_found', message: 'No such payment' } as const;

function overJson({ statusCode, body }: WireResponse): WireResponse {
  return { statusCode, body: JSON.parse(JSON.stringify(body)) };
}

describe('gateway HTTP wire', () => {
  it.each<[string, ChargeAnswer, number]>([
    ['paid', PAID, 200],
    ['declined', { status: 'declined', reason: 'insufficient_funds', message: 'no funds' }, 402],
    ['duplicate', { status: 'duplicate', paymentId: PAID.paymentId, message: 'paid' }, 409],
    ['invalid', INVALID, 400],
    ['in progress', IN_PROGRESS, 409],
    ['failed', FAILED, 500],
  ])('carries a %s charge answer as HTTP %i and back unchanged', (_name, answer, statusCode) => {
    const response = toWireResponse(answer);

    expect(response.statusCode).toBe(statusCode);
    expect(chargeAnswerFrom(overJson(response))).toEqual(answer);
  });

  it.each<[string, RefundAnswer, number]>([
    [
      'refunded',
      {
        refundId: 'r-1',
        status: 'refunded',
        paymentId: PAID.paymentId,
        amount: 5,
        currency: 'USD',
        createdAt: PAID.createdAt,
      },
      200,
    ],
    ['invalid', { status: 'invalid', code: 'refund_exceeds_payment', message: 'too much' }, 400],
    ['not found', NOT_FOUND, 404],
    ['in progress', IN_PROGRESS, 409],
    ['failed', FAILED, 500],
  ])('carries a %s refund answer as HTTP %i and back unchanged', (_name, answer, statusCode) => {
    const response = toWireResponse(answer);

    expect(response.statusCode).toBe(statusCode);
    expect(refundAnswerFrom(overJson(response))).toEqual(answer);
  });

  it.each<[string, LookupAnswer, number]>([
    [
      'found',
      {
        status: 'found',
        payment: { ...PAID, status: 'paid', cardHolder: 'Ada', refundedAmount: 0, refunds: [] },
      },
      200,
    ],
    ['not found', NOT_FOUND, 404],
    ['invalid', INVALID, 400],
    ['failed', FAILED, 500],
  ])('carries a %s lookup answer as HTTP %i and back unchanged', (_name, answer, statusCode) => {
    const response = toWireResponse(answer);

    expect(response.statusCode).toBe(statusCode);
    expect(lookupAnswerFrom(overJson(response))).toEqual(answer);
  });

  it('puts errors in the { error: { code, message, details? } } shape, with the paymentId of a duplicate', () => {
    expect(
      toWireResponse({ status: 'declined', reason: 'card_declined', message: 'no' }).body,
    ).toEqual({
      error: { code: 'card_declined', message: 'no' },
    });
    expect(toWireResponse({ status: 'duplicate', paymentId: 'p-1', message: 'paid' }).body).toEqual(
      {
        error: { code: 'duplicate_charge', message: 'paid' },
        paymentId: 'p-1',
      },
    );
    expect(toWireResponse(INVALID).body).toEqual({
      error: { code: INVALID.code, message: INVALID.message, details: INVALID.details },
    });
  });

  it.each<[string, WireResponse]>([
    ['a proxy error page', { statusCode: 502, body: undefined }],
    ['a 200 without a payment', { statusCode: 200, body: { ok: true } }],
    [
      'a 404 from an unknown route',
      { statusCode: 404, body: { error: { code: 'not_found', message: 'x' } } },
    ],
    [
      'a 402 with an unknown reason',
      { statusCode: 402, body: { error: { code: 'stolen', message: 'x' } } },
    ],
  ])('reads %s as a failure, which the client retries', (_name, response) => {
    expect(chargeAnswerFrom(response)).toEqual({ status: 'failed', message: expect.any(String) });
  });
});
