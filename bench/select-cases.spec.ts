import { BenchCase } from './bench-case';
import { BENCH_CASES } from './cases';
import { FLOW_CASES } from './flow-cases';
import { selectCases } from './select-cases';

function benchCase(name: string): BenchCase {
  return { name, route: `GET /${name}`, setup: async () => ({ request: { path: `/${name}` } }) };
}

const CASES = ['health', 'product', 'me'].map(benchCase);

describe(selectCases.name, () => {
  it('takes every case when none is named', () => {
    expect(selectCases(CASES, [])).toBe(CASES);
  });

  it('keeps the table order whatever the order of the names', () => {
    expect(selectCases(CASES, ['me', 'health']).map((selected) => selected.name)).toEqual([
      'health',
      'me',
    ]);
  });

  it('refuses an unknown name, listing the known ones', () => {
    expect(() => selectCases(CASES, ['health', 'cart'])).toThrow(
      'Unknown benchmark case cart; the cases are health, product, me',
    );
  });
});

describe('BENCH_CASES', () => {
  it('has unique names without commas, flows included, so BENCH_CASES can name each', () => {
    const names = [...BENCH_CASES, ...FLOW_CASES].map((declared) => declared.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => /[,\s]/.test(name))).toEqual([]);
  });

  it('measures the routes the benchmark promises', () => {
    expect(BENCH_CASES.map((declared) => declared.name)).toEqual([
      'health',
      'product',
      'product-list',
      'product-search',
      'me',
      'brands',
      'cart',
      'cart-add',
    ]);
  });

  it('ends with the flows: checkout, checkout and pay, return and approval', () => {
    expect(FLOW_CASES.map((declared) => declared.name)).toEqual([
      'checkout',
      'checkout-pay',
      'return',
    ]);
  });
});
