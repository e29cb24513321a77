import { cycle } from './cases';

describe(cycle.name, () => {
  it('walks the requests in order, round and round', () => {
    const next = cycle([{ path: '/a' }, { path: '/b' }]);
    expect([next(), next(), next()].map((request) => request.path)).toEqual(['/a', '/b', '/a']);
  });

  it('refuses an empty list', () => {
    expect(() => cycle([])).toThrow('nothing to cycle through');
  });
});
