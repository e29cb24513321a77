import { DiscountsModule } from '../../apps/api/src/discounts/discounts.module';
import { PromoCodeService } from '../../apps/api/src/discounts/promo-codes/promo-code.service';
import { overlapping, useMediumContext } from './support/medium-context';

describe(`${PromoCodeService.name} usage counters (medium)`, () => {
  const context = useMediumContext([DiscountsModule]);
  let codes: PromoCodeService;

  beforeAll(() => {
    codes = context.get(PromoCodeService);
  });

  const newCode = (limits: { usageLimit?: number; perCustomerLimit?: number }) =>
    codes.create({
      code: `C${Math.random().toString(36).slice(2, 10)}`,
      type: 'percent',
      percent: 10,
      ...limits,
    });

  it('never lets concurrent claims pass the total limit', async () => {
    const promo = await newCode({ usageLimit: 3 });
    const { results, peak } = await overlapping(10, (index) => codes.claim(promo, `user-${index}`));
    expect(peak).toBe(10);
    const granted = results.filter(
      (result) => result.status === 'fulfilled' && result.value === undefined,
    );
    expect(granted).toHaveLength(3);
    expect((await codes.get(promo._id)).usedCount).toBe(3);
  });

  it('never lets one customer pass their limit, and holds nothing when refused', async () => {
    const promo = await newCode({ perCustomerLimit: 2 });
    const { results } = await overlapping(6, () => codes.claim(promo, 'same-user'));
    const reasons = results.map((result) =>
      result.status === 'fulfilled' ? result.value : 'error',
    );
    expect(reasons.filter((reason) => reason === undefined)).toHaveLength(2);
    expect(reasons.filter((reason) => reason === 'CUSTOMER_LIMIT_REACHED')).toHaveLength(4);
    expect(await codes.usesBy(promo._id, 'same-user')).toBe(2);
    expect((await codes.get(promo._id)).usedCount).toBe(2);
  });

  it('gives a use back on release, once, never below zero', async () => {
    const promo = await newCode({ usageLimit: 1, perCustomerLimit: 1 });
    expect(await codes.claim(promo, 'user-a')).toBeUndefined();
    expect(await codes.claim(promo, 'user-b')).toBe('USAGE_LIMIT_REACHED');
    expect(await codes.usesBy(promo._id, 'user-b')).toBe(0);
    await codes.release(promo._id, 'user-a');
    await codes.release(promo._id, 'user-a');
    expect((await codes.get(promo._id)).usedCount).toBe(0);
    expect(await codes.claim(promo, 'user-b')).toBeUndefined();
  });
});
