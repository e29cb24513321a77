import { CartModule } from '../../apps/api/src/cart/cart.module';
import { CartRepository } from '../../apps/api/src/cart/cart.repository';
import { overlapping, useMediumContext } from './support/medium-context';

describe(`${CartRepository.name} (medium)`, () => {
  const context = useMediumContext([CartModule]);
  let carts: CartRepository;

  beforeAll(() => {
    carts = context.get(CartRepository);
  });

  it('creates the cart and one line however many first adds race', async () => {
    const { results, peak } = await overlapping(25, () =>
      carts.addQuantity('racer', 'product-1', 1, 100),
    );
    expect(peak).toBe(25);
    expect(
      results.every((result) => result.status === 'fulfilled' && result.value === 'added'),
    ).toBe(true);
    expect((await carts.find('racer'))?.lines).toEqual([
      expect.objectContaining({ productId: 'product-1', quantity: 25 }),
    ]);
  });

  it('stops at the maximum exactly', async () => {
    const { results } = await overlapping(12, () => carts.addQuantity('capped', 'product-2', 1, 5));
    const added = results.filter(
      (result) => result.status === 'fulfilled' && result.value === 'added',
    );
    expect(added).toHaveLength(5);
    expect((await carts.find('capped'))?.lines[0].quantity).toBe(5);
  });

  it('sets, removes and clears only what is there', async () => {
    await carts.addQuantity('editor', 'product-3', 2, 10);
    expect(await carts.setQuantity('editor', 'product-3', 7)).toBe(true);
    expect(await carts.setQuantity('editor', 'missing', 1)).toBe(false);
    expect(await carts.removeLine('editor', 'missing')).toBe(false);
    expect(await carts.removeLine('editor', 'product-3')).toBe(true);
    await carts.setPromoCode('editor', { id: 'p', code: 'P' });
    await carts.clear('editor');
    expect(await carts.find('editor')).toMatchObject({ lines: [], promoCode: null });
  });
});
