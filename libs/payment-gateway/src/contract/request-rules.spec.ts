import { isExpired, passesLuhn } from './request-rules';
import { cardBehaviour, TEST_CARDS } from './test-cards';

describe('request rules', () => {
  it.each(['4242424242424242', '5555555555554444', '4000056655665556'])(
    'accepts %s by Luhn',
    (number) => {
      expect(passesLuhn(number)).toBe(true);
    },
  );

  it.each(['4242424242424241', '1234567812345678'])('refuses %s by Luhn', (number) => {
    expect(passesLuhn(number)).toBe(false);
  });

  it('passes every test card by Luhn', () => {
    expect(TEST_CARDS.every((card) => passesLuhn(card.number))).toBe(true);
  });

  it('keeps a card valid through the last day of its expiry month', () => {
    const lastDayOfJune = new Date('2030-06-30T23:59:59.999Z');
    const firstOfJuly = new Date('2030-07-01T00:00:00.000Z');

    expect(isExpired('0630', lastDayOfJune)).toBe(false);
    expect(isExpired('0630', firstOfJuly)).toBe(true);
    expect(isExpired('0131', firstOfJuly)).toBe(false);
    expect(isExpired('1229', firstOfJuly)).toBe(true);
  });

  it('approves any card number that is not a test card', () => {
    expect(cardBehaviour('5555555555554444')).toBe('approve');
    expect(cardBehaviour('4000000000000002')).toBe('decline_card');
  });
});
