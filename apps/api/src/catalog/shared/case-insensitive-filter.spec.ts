import { normaliseNameFilters } from './case-insensitive-filter';

describe(normaliseNameFilters.name, () => {
  it('lowercases the values of name filters, plain or under operators', () => {
    const raw = {
      filter: { brand: 'FENDER', category: { in: 'Amps,ÉTUIS', ne: ' Bass ' } },
      sort: 'Model',
    };
    expect(normaliseNameFilters(raw, ['brand', 'category'])).toEqual({
      filter: { brand: 'fender', category: { in: 'amps,étuis', ne: 'bass' } },
      sort: 'Model',
    });
  });

  it('leaves other filters and malformed filters for the list parser to judge', () => {
    expect(normaliseNameFilters({ filter: { model: 'ABC' } }, ['brand'])).toEqual({
      filter: { model: 'ABC' },
    });
    expect(normaliseNameFilters({ filter: 'x' }, ['brand'])).toEqual({ filter: 'x' });
    expect(normaliseNameFilters({ filter: ['a'] }, ['brand'])).toEqual({ filter: ['a'] });
    expect(normaliseNameFilters({}, ['brand'])).toEqual({});
  });
});
