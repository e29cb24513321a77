import { collationKey, compareStrings, parseCollation, type Collation } from './collation';

const WORDS = [
  'resume',
  'Resume',
  'résumé',
  'RÉSUMÉ',
  'résume',
  'cote',
  'côte',
  'Côté',
  'straße',
  'strasse',
  'STRASSE',
  'æther',
  'Aether',
  'ﬁne',
  'fine',
  'a10',
  'a010',
  'a9',
  'ångström',
  'Angstrom',
  'Ελλάδα',
  'ελλαδα',
  'Москва',
  'москва',
];

function collation(spec: Record<string, unknown>): Collation {
  return parseCollation({ locale: 'en', ...spec })!;
}

/** What ICU (through Intl.Collator) says about equality under the same settings. */
function icuEqual(a: string, b: string, spec: Collation): boolean {
  const sensitivity =
    spec.strength >= 3 || (spec.strength === 2 && spec.caseLevel)
      ? 'variant'
      : spec.strength === 2
        ? 'accent'
        : spec.caseLevel
          ? 'case'
          : 'base';
  return (
    new Intl.Collator(spec.locale, { sensitivity, numeric: spec.numericOrdering }).compare(a, b) ===
    0
  );
}

describe('collation keys', () => {
  const settings = [
    { strength: 1 },
    { strength: 1, caseLevel: true },
    { strength: 2 },
    { strength: 3 },
    { strength: 2, numericOrdering: true },
  ];

  it.each(settings)(
    'agree with ICU on which Latin, Greek and Cyrillic words are equal (%o)',
    (spec) => {
      const parsed = collation(spec);
      for (const a of WORDS) {
        for (const b of WORDS) {
          const sameKey = collationKey(a, parsed) === collationKey(b, parsed);
          expect([a, b, sameKey]).toEqual([a, b, icuEqual(a, b, parsed)]);
          expect(compareStrings(a, b, parsed) === 0).toBe(sameKey);
        }
      }
    },
  );

  it('replace the strings inside arrays and documents, never field names', () => {
    expect(collationKey({ Name: ['Bob', 1] }, collation({ strength: 2 }))).toEqual({
      Name: ['bob', 1],
    });
  });

  it('order strings by the locale and leave other values alone without a collation', () => {
    expect(['b', 'A', 'a', 'é', 'f'].sort((a, b) => compareStrings(a, b, collation({})))).toEqual([
      'a',
      'A',
      'b',
      'é',
      'f',
    ]);
    expect(collationKey('Bob')).toBe('Bob');
    expect(parseCollation({ locale: 'simple' })).toBeUndefined();
  });
});
