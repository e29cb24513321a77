import { Decimal128, Double, Long } from 'bson';
import { compareNumbers } from './numeric';

const decimal = (text: string) => Decimal128.fromString(text);

describe('compareNumbers', () => {
  it('orders by exact value where the nearest doubles tie', () => {
    expect(compareNumbers(decimal('0.1'), 0.1)).toBe(-1);
    expect(compareNumbers(0.1, decimal('0.1'))).toBe(1);
    expect(compareNumbers(Long.fromString('9007199254740993'), 2 ** 53)).toBe(1);
    expect(compareNumbers(decimal('9007199254740993'), Long.fromString('9007199254740993'))).toBe(
      0,
    );
    expect(compareNumbers(decimal('9007199254740992.5'), Long.fromString('9007199254740993'))).toBe(
      -1,
    );
    expect(compareNumbers(decimal('-0'), 0)).toBe(0);
    expect(compareNumbers(decimal('3.00'), new Double(3))).toBe(0);
  });

  it('orders by the nearest doubles where they differ', () => {
    expect(compareNumbers(decimal('2.5'), 3)).toBe(-1);
    expect(compareNumbers(Long.fromNumber(-4), decimal('-3.9'))).toBe(-1);
    expect(compareNumbers(decimal('1E+400'), Number.MAX_VALUE)).toBe(1);
    expect(compareNumbers(decimal('Infinity'), Infinity)).toBe(0);
  });

  it('puts NaN below every number and equal to itself, whatever its type', () => {
    expect(compareNumbers(decimal('NaN'), -Infinity)).toBe(-1);
    expect(compareNumbers(Long.fromNumber(0), NaN)).toBe(1);
    expect(compareNumbers(decimal('NaN'), NaN)).toBe(0);
  });
});
