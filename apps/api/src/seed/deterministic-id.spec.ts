import { nameBasedUuid, stableInt } from './deterministic-id';

describe('nameBasedUuid', () => {
  it('matches the RFC 4122 version 5 test vector for the DNS namespace', () => {
    expect(nameBasedUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('is stable for a name and differs between names', () => {
    expect(nameBasedUuid('brand:Fender')).toBe(nameBasedUuid('brand:Fender'));
    expect(nameBasedUuid('brand:Fender')).not.toBe(nameBasedUuid('brand:Gibson'));
  });
});

describe('stableInt', () => {
  it('stays within the bound and repeats for the same key', () => {
    const values = ['a', 'b', 'c', 'd'].map((key) => stableInt(key, 7));
    expect(values.every((value) => value >= 0 && value < 7)).toBe(true);
    expect(stableInt('a', 7)).toBe(values[0]);
  });
});
