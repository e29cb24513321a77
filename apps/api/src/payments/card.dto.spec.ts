import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  isCardHolder,
  isCardNumber,
  isUnexpiredExpiry,
  PaymentCardDto,
  storedCard,
} from './card.dto';

const VALID = { holder: 'Ada Lovelace', number: '4242424242424242', expiry: '1299', cvv: '123' };

async function problems(card: Record<string, unknown>): Promise<Record<string, string>> {
  const errors = await validate(plainToInstance(PaymentCardDto, card));
  return Object.fromEntries(
    errors.map((error) => [error.property, Object.values(error.constraints ?? {}).join('; ')]),
  );
}

describe(PaymentCardDto.name, () => {
  it('accepts a valid card', async () => {
    expect(await problems(VALID)).toEqual({});
  });

  it.each([
    ['holder', 'A', 'holder must be 2-100 characters'],
    ['holder', '   ', 'holder must be 2-100 characters'],
    ['holder', 'x'.repeat(101), 'holder must be 2-100 characters'],
    ['holder', 42, 'holder must be 2-100 characters'],
    ['number', '4242424242424241', 'Luhn'],
    ['number', '424242424242424', 'Luhn'],
    ['number', '4242 4242 4242 4242', 'Luhn'],
    ['expiry', '1320', 'expiry must be MMYY'],
    ['expiry', '0120', 'this month or later'],
    ['expiry', '12/29', 'expiry must be MMYY'],
    ['cvv', '12', 'cvv must be 3 digits'],
    ['cvv', '1234', 'cvv must be 3 digits'],
    ['cvv', 123, 'cvv must be'],
  ])('refuses %s %p', async (field, value, message) => {
    const found = await problems({ ...VALID, [field]: value });
    expect(Object.keys(found)).toEqual([field]);
    expect(found[field]).toContain(message);
  });

  it('never echoes the card number or CVV in a message', async () => {
    const found = await problems({ ...VALID, number: '4242424242424241', cvv: '98' });
    expect(JSON.stringify(found)).not.toMatch(/4242424242424241|98\b/);
  });
});

describe('card rules', () => {
  it('takes holders of 2 to 100 characters, spaces at either end not counted', () => {
    expect([isCardHolder('Al'), isCardHolder(' A '), isCardHolder('x'.repeat(100))]).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('checks the Luhn sum of 16 digits', () => {
    expect(isCardNumber('4000000000000002')).toBe(true);
    expect(isCardNumber('4000000000000003')).toBe(false);
    expect(isCardNumber(4242424242424242)).toBe(false);
  });

  it('keeps a card valid through the last month of its expiry', () => {
    const now = new Date('2026-11-30T23:59:59Z');
    expect(isUnexpiredExpiry('1126', now)).toBe(true);
    expect(isUnexpiredExpiry('1026', now)).toBe(false);
    expect(isUnexpiredExpiry('0127', now)).toBe(true);
    expect(isUnexpiredExpiry('1126', new Date('2026-12-01T00:00:00Z'))).toBe(false);
  });

  it('stores the last four digits and the trimmed holder only', () => {
    expect(storedCard({ ...VALID, holder: ' Ada Lovelace ' })).toEqual({
      last4: '4242',
      holder: 'Ada Lovelace',
    });
  });
});
