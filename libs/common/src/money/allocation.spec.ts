import { allocateLargestRemainder } from './allocation';

describe(allocateLargestRemainder.name, () => {
  it('splits in proportion when the parts are whole', () => {
    expect(allocateLargestRemainder(600, [100, 200, 300])).toEqual([100, 200, 300]);
  });

  it('gives the leftover cents to the largest remainders, so the shares add up exactly', () => {
    const shares = allocateLargestRemainder(100, [1, 1, 1]);
    expect(shares).toEqual([34, 33, 33]);
    expect(shares.reduce((a, b) => a + b)).toBe(100);
  });

  it('prefers the larger remainder over the earlier line', () => {
    // exact parts: 1000 × 1/6 = 166.67, × 2/6 = 333.33, × 3/6 = 500
    expect(allocateLargestRemainder(1000, [1, 2, 3])).toEqual([167, 333, 500]);
  });

  it('adds up exactly on awkward splits', () => {
    for (const [total, weights] of [
      [1, [3333, 3333, 3334]],
      [999, [7, 11, 13, 17]],
      [12345, [1, 10, 100, 1000, 10000]],
      [7, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]],
    ] as [number, number[]][]) {
      const shares = allocateLargestRemainder(total, weights);
      expect(shares.reduce((a, b) => a + b)).toBe(total);
      shares.forEach((share, index) => {
        const exact = (total * weights[index]) / weights.reduce((a, b) => a + b);
        expect(Math.abs(share - exact)).toBeLessThan(1);
      });
    }
  });

  it('gives nothing to a zero weight', () => {
    expect(allocateLargestRemainder(5, [0, 1, 0])).toEqual([0, 5, 0]);
  });

  it('splits zero over nothing', () => {
    expect(allocateLargestRemainder(0, [0, 0])).toEqual([0, 0]);
  });

  it('refuses a positive total over zero weights, and negative input', () => {
    expect(() => allocateLargestRemainder(5, [0, 0])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(-1, [1])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(1, [-1, 2])).toThrow(RangeError);
  });
});
