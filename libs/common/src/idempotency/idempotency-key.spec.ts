import { ValidationError } from '../errors';
import { parseIdempotencyKey, requestFingerprint } from './idempotency-key';

describe(parseIdempotencyKey.name, () => {
  it('takes a UUID and any visible ASCII up to 255 characters', () => {
    expect(parseIdempotencyKey('6f1c1a52-3c4e-4d8e-9b7a-2f0c9a4b7d11')).toBe(
      '6f1c1a52-3c4e-4d8e-9b7a-2f0c9a4b7d11',
    );
    expect(parseIdempotencyKey('k'.repeat(255))).toHaveLength(255);
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each(['', 'k'.repeat(256), 'with space', 'tab\there', 'ключ'])('refuses %p', (key) => {
    expect(() => parseIdempotencyKey(key)).toThrow(ValidationError);
  });
});

describe(requestFingerprint.name, () => {
  it('ignores the order of object keys', () => {
    expect(requestFingerprint('post', '/orders', { a: 1, b: { c: 2, d: [1, 2] } })).toBe(
      requestFingerprint('POST', '/orders', { b: { d: [1, 2], c: 2 }, a: 1 }),
    );
  });

  it('tells bodies, paths and methods apart', () => {
    const base = requestFingerprint('POST', '/orders/1/pay', { n: 1 });
    expect(requestFingerprint('POST', '/orders/1/pay', { n: 2 })).not.toBe(base);
    expect(requestFingerprint('POST', '/orders/2/pay', { n: 1 })).not.toBe(base);
    expect(requestFingerprint('PUT', '/orders/1/pay', { n: 1 })).not.toBe(base);
    expect(requestFingerprint('POST', '/orders', undefined)).toBe(
      requestFingerprint('POST', '/orders', null),
    );
  });

  it('leaves card numbers and CVVs out: a card counts by its last four digits', () => {
    const card = { holder: 'Ada Lovelace', number: '4242424242424242', expiry: '1230', cvv: '123' };
    const base = requestFingerprint('POST', '/payments', { amount: '1.00', card });
    expect(
      requestFingerprint('POST', '/payments', {
        amount: '1.00',
        card: { ...card, number: '4000056655664242', cvv: '999' },
      }),
    ).toBe(base);
    expect(
      requestFingerprint('POST', '/payments', {
        amount: '1.00',
        card: { ...card, number: '4000000000000002' },
      }),
    ).not.toBe(base);
    expect(
      requestFingerprint('POST', '/payments', {
        amount: '1.00',
        card: { ...card, expiry: '1231' },
      }),
    ).not.toBe(base);
    expect(requestFingerprint('POST', '/payments', { amount: '2.00', card })).not.toBe(base);
  });
});
