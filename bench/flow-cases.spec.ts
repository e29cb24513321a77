import { isCardNumber, isUnexpiredExpiry } from '../apps/api/src/payments/card.dto';
import { BenchCustomer } from './bench-customers';
import { assignProducts, benchCard } from './flow-cases';

function customer(id: string): BenchCustomer {
  return { id, username: id, headers: { authorization: `Bearer ${id}` } };
}

describe(assignProducts.name, () => {
  it('gives each customer three products of its own, in catalog order', () => {
    const shoppers = assignProducts(
      [customer('a'), customer('b')],
      ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'],
    );
    expect(shoppers.map((shopper) => shopper.productIds)).toEqual([
      ['p1', 'p2', 'p3'],
      ['p4', 'p5', 'p6'],
    ]);
    expect(shoppers[1].customer.id).toBe('b');
  });

  it('goes round the catalog again when it has too few products', () => {
    const shoppers = assignProducts([customer('a'), customer('b')], ['p1', 'p2', 'p3', 'p4']);
    expect(shoppers[1].productIds).toEqual(['p4', 'p1', 'p2']);
  });

  it('refuses a catalog smaller than one cart', () => {
    expect(() => assignProducts([customer('a')], ['p1'])).toThrow('a cart needs 3 products');
  });
});

describe(benchCard.name, () => {
  it('is the approved test card, valid as the API checks cards', () => {
    const card = benchCard(new Date('2026-12-31T23:00:00Z'));
    expect(card).toMatchObject({ number: '4242424242424242', expiry: '1227', cvv: '123' });
    expect(isCardNumber(card.number)).toBe(true);
    expect(isUnexpiredExpiry(card.expiry, new Date('2026-12-31T23:00:00Z'))).toBe(true);
  });
});
