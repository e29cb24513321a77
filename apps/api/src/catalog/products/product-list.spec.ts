import { parseListQuery } from '@kassa/common';
import { PRODUCT_LIST_SPEC } from './product-list';

describe('PRODUCT_LIST_SPEC', () => {
  it('normalises brand and category names like the stored lowercase copies', () => {
    const query = parseListQuery(
      { filter: { brand: 'FENDER', category: { in: 'Amps,ÉTUIS', ne: ' Bass ' } } },
      PRODUCT_LIST_SPEC,
    );
    expect(query.filter).toEqual({
      brand: { $eq: 'fender' },
      category: { $in: ['amps', 'étuis'], $ne: 'bass' },
    });
  });

  it('keeps other text filters as typed', () => {
    expect(parseListQuery({ filter: { model: 'ABC' } }, PRODUCT_LIST_SPEC).filter).toEqual({
      model: { $eq: 'ABC' },
    });
  });
});
