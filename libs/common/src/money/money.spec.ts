import { ValidationError } from '../errors';
import { formatMoney, isMoneyAmount, parseMoney, percentOf, scaleHalfEven } from './money';

describe('money', () => {
  describe('parseMoney', () => {
    it.each([
      ['0', 0],
      ['12', 1200],
      ['12.5', 1250],
      ['12.50', 1250],
      ['0.01', 1],
      ['1299.00', 129900],
      ['007.10', 710],
    ])('parses %p to %p cents', (text, cents) => {
      expect(parseMoney(text)).toBe(cents);
    });

    it('parses the largest amount whose cents are still a safe integer', () => {
      expect(parseMoney('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    });

    it('rejects an amount one cent beyond the safe integer range', () => {
      expect(() => parseMoney('90071992547409.92')).toThrow(ValidationError);
    });

    it.each([
      '-1',
      '-0.01',
      '1.234',
      '1e3',
      '1.',
      '.5',
      '',
      ' 1',
      '1 ',
      '0x10',
      '1,50',
      'NaN',
      'Infinity',
      '+1',
    ])('rejects %p', (text) => {
      expect(() => parseMoney(text)).toThrow(ValidationError);
    });

    it.each([12, 12.5, null, undefined, {}, ['1']])('rejects the non-string %p', (value) => {
      expect(() => parseMoney(value)).toThrow(ValidationError);
    });

    it('names the offending field in the error details', () => {
      expect(() => parseMoney('1.234', 'price')).toThrow(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          details: [expect.objectContaining({ field: 'price' })],
        }),
      );
    });
  });

  describe('formatMoney', () => {
    it.each([
      [0, '0.00'],
      [1, '0.01'],
      [10, '0.10'],
      [1250, '12.50'],
      [129900, '1299.00'],
      [-5, '-0.05'],
      [-129950, '-1299.50'],
      [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
    ])('formats %p cents as %p', (cents, text) => {
      expect(formatMoney(cents)).toBe(text);
    });

    it('rejects fractional and unsafe cents', () => {
      expect(() => formatMoney(1.5)).toThrow(RangeError);
      expect(() => formatMoney(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    });
  });

  describe('round trips', () => {
    it('adds "0.10" and "0.20" to exactly "0.30"', () => {
      expect(formatMoney(parseMoney('0.10') + parseMoney('0.20'))).toBe('0.30');
    });

    it.each(['0.10', '0.20', '12.00', '12.50', '0.99', '1299.00', '90071992547409.91'])(
      'formats %p back to itself',
      (text) => {
        expect(formatMoney(parseMoney(text))).toBe(text);
      },
    );

    it('pads short inputs to two decimals', () => {
      expect(formatMoney(parseMoney('12'))).toBe('12.00');
      expect(formatMoney(parseMoney('12.5'))).toBe('12.50');
    });
  });

  describe('isMoneyAmount', () => {
    it('accepts valid amounts and refuses everything else', () => {
      expect(isMoneyAmount('12.50')).toBe(true);
      expect(isMoneyAmount('1e3')).toBe(false);
      expect(isMoneyAmount(12.5)).toBe(false);
    });
  });

  describe('scaleHalfEven', () => {
    it.each([
      [250, 1, 100, 2],
      [350, 1, 100, 4],
      [251, 1, 100, 3],
      [249, 1, 100, 2],
      [-250, 1, 100, -2],
      [-350, 1, 100, -4],
      [1000, 1, 3, 333],
      [1000, 2, 3, 667],
    ])('%p × %p ÷ %p → %p', (amount, numerator, denominator, expected) => {
      expect(scaleHalfEven(amount, numerator, denominator)).toBe(expected);
    });

    it('is exact where a float product would lose precision', () => {
      expect(scaleHalfEven(Number.MAX_SAFE_INTEGER, 3, 3)).toBe(Number.MAX_SAFE_INTEGER);
    });

    it('refuses a zero denominator and results beyond the safe range', () => {
      expect(() => scaleHalfEven(1, 1, 0)).toThrow(RangeError);
      expect(() => scaleHalfEven(Number.MAX_SAFE_INTEGER, 2, 1)).toThrow(RangeError);
    });
  });

  describe('percentOf', () => {
    it.each([
      [1000, 15, 150],
      [1000, '12.5', 125],
      [5, 50, 2],
      [15, 50, 8],
      [1999, '33.33', 666],
    ])('%p cents × %p%% → %p', (amount, percent, expected) => {
      expect(percentOf(amount, percent)).toBe(expected);
    });

    it('rejects percentages with more than two decimals or a sign', () => {
      expect(() => percentOf(1000, '1.234')).toThrow(ValidationError);
      expect(() => percentOf(1000, -5)).toThrow(ValidationError);
    });
  });
});
