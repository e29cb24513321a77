import { refundForUnits } from './return-refund';

describe('refundForUnits', () => {
  const line = { quantity: 3, lineTotalCents: 1000, promoShareCents: 1 };

  it('gives back the whole line less its promo share when everything returns at once', () => {
    expect(refundForUnits(line, 0, 3)).toBe(999);
  });

  it('sums to exactly what the line paid over returns of one unit each', () => {
    const refunds = [0, 1, 2].map((returned) => refundForUnits(line, returned, 1));
    expect(refunds).toEqual([333, 333, 333]);
    expect(refunds.reduce((sum, cents) => sum + cents, 0)).toBe(999);
  });

  it('carries the odd cents to the later units, whatever the split', () => {
    const odd = { quantity: 7, lineTotalCents: 1001, promoShareCents: 0 };
    for (const split of [
      [1, 6],
      [3, 4],
      [2, 2, 3],
      [1, 1, 1, 1, 1, 1, 1],
    ]) {
      let returned = 0;
      let refunded = 0;
      for (const units of split) {
        refunded += refundForUnits(odd, returned, units);
        returned += units;
      }
      expect(refunded).toBe(1001);
    }
    expect(refundForUnits(odd, 0, 1)).toBe(143);
  });

  it('gives back nothing for a line the promo paid in full', () => {
    expect(refundForUnits({ quantity: 2, lineTotalCents: 500, promoShareCents: 500 }, 0, 2)).toBe(
      0,
    );
  });
});
