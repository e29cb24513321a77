import { ProductDiscountRule, PromoRule } from '../../discounts/discount-rules';
import { priceCart, PricingInput, PricingProduct } from './price-cart';

const NOW = new Date('2026-06-01T12:00:00Z');

function product(
  id: string,
  priceCents: number,
  overrides: Partial<PricingProduct> = {},
): PricingProduct {
  return {
    _id: id,
    model: `Model ${id}`,
    brandId: `brand-${id}`,
    categoryId: `category-${id}`,
    priceCents,
    stock: 100,
    active: true,
    archived: false,
    ...overrides,
  };
}

function discount(id: string, overrides: Partial<ProductDiscountRule>): ProductDiscountRule {
  return {
    _id: id,
    name: `Discount ${id}`,
    kind: 'percent',
    value: 1000,
    target: 'product',
    targetIds: [],
    startsAt: null,
    endsAt: null,
    active: true,
    ...overrides,
  };
}

function promo(overrides: Partial<PromoRule> = {}): PromoRule {
  return {
    _id: 'promo-1',
    code: 'SAVE',
    kind: 'percent',
    value: 1000,
    minimumSubtotalCents: 0,
    startsAt: null,
    endsAt: null,
    active: true,
    usageLimit: null,
    perCustomerLimit: null,
    usedCount: 0,
    ...overrides,
  };
}

function price(
  products: PricingProduct[],
  quantities: number[],
  options: Partial<Omit<PricingInput, 'lines' | 'products'>> = {},
) {
  return priceCart({
    lines: products.map((p, index) => ({ productId: p._id, quantity: quantities[index] })),
    products: new Map(products.map((p) => [p._id, p])),
    discounts: options.discounts ?? [],
    promo: options.promo ?? null,
    now: options.now ?? NOW,
  });
}

describe(priceCart.name, () => {
  describe('product discounts', () => {
    it('rounds a percentage per line, half to even: 3 × 0.01 at 33.33 % off is 0.01 off', () => {
      const cart = price([product('a', 1)], [3], {
        discounts: [discount('d', { value: 3333, targetIds: ['a'] })],
      });
      expect(cart.lines[0]).toMatchObject({ discount: { amountCents: 1 }, lineTotalCents: 2 });
    });

    it('rounds 0.5 cent to even on each line separately', () => {
      // 1 × 0.05 at 10 % = 0.5 cent → 0; 1 × 0.15 at 10 % = 1.5 cents → 2
      const cart = price([product('a', 5), product('b', 15)], [1, 1], {
        discounts: [discount('d', { targetIds: ['a', 'b'] })],
      });
      expect(cart.lines.map((line) => line.discount?.amountCents ?? 0)).toEqual([0, 2]);
    });

    it('applies the single best discount across product, brand and category targets', () => {
      const p = product('a', 10_000);
      const cart = price([p], [2], {
        discounts: [
          discount('by-product', { value: 1000, targetIds: ['a'] }),
          discount('by-brand', { target: 'brand', value: 2500, targetIds: [p.brandId] }),
          discount('by-category', {
            target: 'category',
            kind: 'fixed',
            value: 2000,
            targetIds: [p.categoryId],
          }),
        ],
      });
      expect(cart.lines[0].discount).toEqual({
        id: 'by-brand',
        name: 'Discount by-brand',
        amountCents: 5000,
      });
      expect(cart.lines[0].lineTotalCents).toBe(15_000);
    });

    it('takes a fixed discount off each unit, never more than the unit costs', () => {
      const cart = price([product('a', 3000)], [2], {
        discounts: [discount('d', { kind: 'fixed', value: 5000, targetIds: ['a'] })],
      });
      expect(cart.lines[0]).toMatchObject({ discount: { amountCents: 6000 }, lineTotalCents: 0 });
    });

    it('ignores discounts that are switched off, not started, over or aimed elsewhere', () => {
      const cart = price([product('a', 1000)], [1], {
        discounts: [
          discount('off', { targetIds: ['a'], active: false }),
          discount('later', { targetIds: ['a'], startsAt: new Date('2026-07-01') }),
          discount('over', { targetIds: ['a'], endsAt: NOW }),
          discount('elsewhere', { targetIds: ['b'] }),
        ],
      });
      expect(cart.lines[0].discount).toBeNull();
    });
  });

  describe('unavailable lines', () => {
    it('keeps them with the reason and leaves them out of every total', () => {
      const cart = price(
        [
          product('ok', 1000),
          product('inactive', 1000, { active: false }),
          product('archived', 1000, { archived: true }),
          product('short', 1000, { stock: 2 }),
        ],
        [1, 1, 1, 5],
      );
      expect(cart.lines.map((line) => line.unavailable)).toEqual([
        null,
        { reason: 'INACTIVE' },
        { reason: 'ARCHIVED' },
        { reason: 'INSUFFICIENT_STOCK', availableQuantity: 2 },
      ]);
      expect(cart).toMatchObject({ subtotalCents: 1000, totalCents: 1000, itemCount: 1 });
    });
  });

  describe('promo codes', () => {
    it('spreads the discount by largest remainder so the shares add up exactly', () => {
      const cart = price([product('a', 1000), product('b', 1000), product('c', 1000)], [1, 1, 1], {
        promo: { rule: promo({ kind: 'fixed', value: 100 }), customerUses: 0 },
      });
      expect(cart.lines.map((line) => line.promoShareCents)).toEqual([34, 33, 33]);
      expect(cart.promo).toMatchObject({ applied: true, discountCents: 100 });
      expect(cart.totalCents).toBe(2900);
    });

    it('never takes more than the subtotal', () => {
      const cart = price([product('a', 500)], [1], {
        promo: { rule: promo({ kind: 'fixed', value: 10_000 }), customerUses: 0 },
      });
      expect(cart).toMatchObject({ totalCents: 0, discountTotalCents: 500 });
    });

    it.each([
      ['INACTIVE', promo({ active: false }), 0],
      ['NOT_YET_VALID', promo({ startsAt: new Date('2026-06-02') }), 0],
      ['EXPIRED', promo({ endsAt: new Date('2026-06-01T11:59:59Z') }), 0],
      ['USAGE_LIMIT_REACHED', promo({ usageLimit: 3, usedCount: 3 }), 0],
      ['CUSTOMER_LIMIT_REACHED', promo({ perCustomerLimit: 1 }), 1],
    ] as const)('says %s and gives no discount', (reason, rule, customerUses) => {
      const cart = price([product('a', 1000)], [1], { promo: { rule, customerUses } });
      expect(cart.promo).toMatchObject({ applied: false, discountCents: 0, refusal: { reason } });
      expect(cart.totalCents).toBe(1000);
    });

    it('says how much is missing for the minimum, after product discounts', () => {
      const cart = price([product('a', 5000)], [1], {
        discounts: [discount('d', { value: 2000, targetIds: ['a'] })],
        promo: { rule: promo({ minimumSubtotalCents: 4500 }), customerUses: 0 },
      });
      expect(cart.promo?.refusal).toEqual({ reason: 'MINIMUM_NOT_MET', missingCents: 500 });
    });
  });

  it('totals a cart of discounted and full-price lines to the cent', () => {
    // a: 3 × 19.99 at 15 % → 59.97 − 9.00 (8.9955) = 50.97; b: 2 × 5.55, fixed 0.50 per unit → 10.10
    // c: 1 × 100.00, no discount; subtotal 161.07; promo 10 % → 16.11 (16.107)
    const cart = price([product('a', 1999), product('b', 555), product('c', 10_000)], [3, 2, 1], {
      discounts: [
        discount('pct', { value: 1500, targetIds: ['a'] }),
        discount('fix', { kind: 'fixed', value: 50, targetIds: ['b'] }),
      ],
      promo: { rule: promo({ value: 1000 }), customerUses: 0 },
    });
    expect(cart.lines.map((line) => line.lineTotalCents)).toEqual([5097, 1010, 10_000]);
    expect(cart.subtotalCents).toBe(16_107);
    expect(cart.promo?.discountCents).toBe(1611);
    expect(cart.lines.reduce((sum, line) => sum + line.promoShareCents, 0)).toBe(1611);
    expect(cart.discountTotalCents).toBe(900 + 100 + 1611);
    expect(cart.totalCents).toBe(14_496);
    expect(cart.itemCount).toBe(6);
  });
});
