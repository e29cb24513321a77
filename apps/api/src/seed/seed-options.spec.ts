import { SEED_USAGE, seedVariablesFrom } from './seed-options';

describe(seedVariablesFrom.name, () => {
  it('reads nothing from no arguments', () => {
    expect(seedVariablesFrom([])).toEqual({});
  });

  it.each([[['--customers', '200']], [['--customers=200']]])(
    'turns %p into SEED_CUSTOMERS',
    (argv) => {
      expect(seedVariablesFrom(argv)).toEqual({ SEED_CUSTOMERS: '200' });
    },
  );

  it.each([[['--customers']], [['--users', '3']], [['200']]])(
    'refuses %p with the usage',
    (argv) => {
      expect(() => seedVariablesFrom(argv)).toThrow(SEED_USAGE);
    },
  );
});
