import { Binary, Decimal128, Double, Int32, Long, ObjectId, UUID } from 'bson';
import { assertMatches, assertSameData, MatchEntities, MatchError, matches } from './matcher';

const lsid = { id: new UUID('6f3b8c1e-4b8a-4a52-9a1f-0d4a7c1b2e3f').toBinary() };
const entities: MatchEntities = {
  sessionLsid: (name) => {
    if (name !== 'session0') throw new Error(`no session ${name}`);
    return lsid;
  },
  entityValue: (name) => {
    if (name !== 'savedId') throw new Error(`no entity ${name}`);
    return 42;
  },
};

describe('matcher', () => {
  describe('root-level documents', () => {
    it('allows extra fields at the root', () => {
      expect(matches({ x: 1 }, { x: 1, y: 1 }, { root: true })).toBe(true);
    });

    it('rejects a missing expected field at the root', () => {
      expect(matches({ x: 1, y: 1 }, { x: 1 }, { root: true })).toBe(false);
    });

    it('rejects extra fields in nested documents even under a root', () => {
      expect(matches({ x: { y: 1 } }, { x: { y: 1, z: 1 } }, { root: true })).toBe(false);
    });

    it('rejects extra fields when the value is not root-level', () => {
      expect(matches({ x: 1 }, { x: 1, y: 1 })).toBe(false);
    });

    it('treats each document of an iterated result as a root', () => {
      const actual = [
        { x: 1, y: 1 },
        { x: 2, y: 2 },
      ];
      expect(matches([{ x: 1 }, { x: 2 }], actual, { root: true })).toBe(true);
      expect(matches([{ x: 1 }, { x: 2 }], actual, { root: false })).toBe(false);
    });

    it('reads a Map (the driver sends sort specifications as Maps) as a document', () => {
      expect(matches({ sort: { _id: 1 } }, { sort: new Map([['_id', 1]]) })).toBe(true);
      expect(matches({ sort: { _id: 1 } }, { sort: new Map([['_id', -1]]) })).toBe(false);
    });

    it('ignores key order', () => {
      expect(matches({ x: 1, y: 2 }, { y: 2, x: 1 })).toBe(true);
    });
  });

  describe('arrays', () => {
    it('requires the same number of elements', () => {
      expect(matches([1, 2, 3], [1, 2, 3, 4])).toBe(false);
      expect(matches([1, 2, 3, 4], [1, 2, 3])).toBe(false);
    });

    it('compares elements in order', () => {
      expect(matches([1, 2], [2, 1])).toBe(false);
      expect(matches([1, 2], [1, 2])).toBe(true);
    });

    it('rejects a non-array actual value', () => {
      expect(matches([1], { 0: 1 })).toBe(false);
    });
  });

  describe('scalars', () => {
    it('compares int, long and double by value', () => {
      expect(matches(1, 1.0)).toBe(true);
      expect(matches(new Int32(1), new Double(1))).toBe(true);
      expect(matches(Long.fromNumber(1), 1)).toBe(true);
      expect(matches(1, new Double(1.5))).toBe(false);
      expect(
        matches(Long.fromString('9007199254740993'), Long.fromString('9007199254740992')),
      ).toBe(false);
    });

    it('does not treat Decimal128 as flexibly numeric', () => {
      expect(matches(1, Decimal128.fromString('1'))).toBe(false);
      expect(matches(Decimal128.fromString('1.10'), Decimal128.fromString('1.10'))).toBe(true);
    });

    it('requires the same type for non-numeric values', () => {
      expect(matches('1', 1)).toBe(false);
      expect(matches(1, '1')).toBe(false);
      expect(matches(null, 0)).toBe(false);
      expect(matches(false, 0)).toBe(false);
    });

    it('compares BSON values by content', () => {
      const id = new ObjectId();
      expect(matches(id, new ObjectId(id.toHexString()))).toBe(true);
      expect(matches(id, new ObjectId())).toBe(false);
      expect(matches(new Date(5), new Date(5))).toBe(true);
      expect(matches(new Date(5), new Date(6))).toBe(false);
      expect(matches(new Binary(Buffer.from('ab')), new Binary(Buffer.from('ab')))).toBe(true);
      expect(matches(new Binary(Buffer.from('ab')), new Binary(Buffer.from('ac')))).toBe(false);
    });

    it('reports a missing value', () => {
      expect(matches({ x: null }, {})).toBe(false);
    });
  });

  describe('$$exists', () => {
    it('passes when the field exists with any value, including null', () => {
      expect(matches({ a: { $$exists: true } }, { a: null })).toBe(true);
    });

    it('fails when a required field is absent', () => {
      expect(matches({ a: { $$exists: true } }, {})).toBe(false);
    });

    it('fails when a forbidden field is present', () => {
      expect(matches({ a: { $$exists: false } }, { a: 1 })).toBe(false);
      expect(matches({ a: { $$exists: false } }, {})).toBe(true);
    });

    it('treats an undefined property as absent', () => {
      expect(matches({ a: { $$exists: false } }, { a: undefined })).toBe(true);
    });
  });

  describe('$$type', () => {
    it('accepts one of several type names', () => {
      expect(matches({ n: { $$type: ['int', 'long'] } }, { n: Long.fromNumber(5) })).toBe(true);
      expect(matches({ n: { $$type: 'string' } }, { n: 'x' })).toBe(true);
    });

    it('rejects a value of another type', () => {
      expect(matches({ n: { $$type: 'string' } }, { n: 5 })).toBe(false);
      expect(matches({ n: { $$type: 'double' } }, { n: 0.5 })).toBe(true);
      expect(matches({ n: { $$type: 'int' } }, { n: 0.5 })).toBe(false);
      expect(matches({ n: { $$type: 'objectId' } }, { n: 'abc' })).toBe(false);
      expect(matches({ n: { $$type: 'object' } }, { n: [1] })).toBe(false);
    });

    it('requires the value to exist', () => {
      expect(matches({ n: { $$type: 'null' } }, {})).toBe(false);
      expect(matches({ n: { $$type: 'null' } }, { n: null })).toBe(true);
    });

    it('does not look into array elements', () => {
      expect(matches({ n: { $$type: 'array' } }, { n: ['x'] })).toBe(true);
      expect(matches({ n: { $$type: 'string' } }, { n: ['x'] })).toBe(false);
    });
  });

  describe('$$unsetOrMatches', () => {
    it('passes for an absent field or a whole absent result', () => {
      expect(matches({ insertedId: { $$unsetOrMatches: 2 } }, {})).toBe(true);
      expect(matches({ $$unsetOrMatches: { insertedId: 2 } }, undefined, { root: true })).toBe(
        true,
      );
    });

    it('fails when present and different', () => {
      expect(matches({ insertedId: { $$unsetOrMatches: 2 } }, { insertedId: 3 })).toBe(false);
    });

    it('keeps root-level semantics of the value it wraps', () => {
      const actual = { insertedId: 2, acknowledged: true };
      expect(matches({ $$unsetOrMatches: { insertedId: 2 } }, actual, { root: true })).toBe(true);
      expect(matches({ $$unsetOrMatches: { insertedId: 2 } }, actual, { root: false })).toBe(false);
    });

    it('matches nested operators inside', () => {
      const expected = { ids: { $$unsetOrMatches: { 0: { $$type: 'int' } } } };
      expect(matches(expected, { ids: { 0: 'x' } })).toBe(false);
      expect(matches(expected, { ids: { 0: 4 } })).toBe(true);
    });
  });

  describe('$$sessionLsid', () => {
    it('matches the session id', () => {
      expect(matches({ lsid: { $$sessionLsid: 'session0' } }, { lsid }, { entities })).toBe(true);
    });

    it('rejects another session id', () => {
      const other = { id: new UUID().toBinary() };
      expect(matches({ lsid: { $$sessionLsid: 'session0' } }, { lsid: other }, { entities })).toBe(
        false,
      );
    });

    it('raises for an unknown session', () => {
      expect(() =>
        assertMatches({ lsid: { $$sessionLsid: 'nope' } }, { lsid }, { entities }),
      ).toThrow('no session nope');
    });
  });

  describe('$$matchesEntity', () => {
    it('matches against the saved entity', () => {
      expect(matches({ _id: { $$matchesEntity: 'savedId' } }, { _id: 42 }, { entities })).toBe(
        true,
      );
      expect(matches({ _id: { $$matchesEntity: 'savedId' } }, { _id: 43 }, { entities })).toBe(
        false,
      );
    });
  });

  describe('$$lte', () => {
    it('compares numerically across types', () => {
      expect(matches({ n: { $$lte: 5 } }, { n: Long.fromNumber(5) })).toBe(true);
      expect(matches({ n: { $$lte: 1 } }, { n: 0.0 })).toBe(true);
      expect(matches({ n: { $$lte: 1 } }, { n: 1.1 })).toBe(false);
      expect(matches({ n: { $$lte: 1 } }, { n: '0' })).toBe(false);
    });
  });

  describe('$$matchAsDocument and $$matchAsRoot', () => {
    it('parses an Extended JSON string and forbids extra fields', () => {
      const json = '{"a": {"$numberLong": "2"}, "b": 1}';
      expect(matches({ $$matchAsDocument: { a: 2, b: 1 } }, json)).toBe(true);
      expect(matches({ $$matchAsDocument: { a: 2 } }, json)).toBe(false);
      expect(matches({ $$matchAsDocument: { $$matchAsRoot: { a: 2 } } }, json)).toBe(true);
    });

    it('rejects a non-string for $$matchAsDocument', () => {
      expect(matches({ $$matchAsDocument: { a: 1 } }, { a: 1 })).toBe(false);
    });

    it('allows extra fields in a nested document under $$matchAsRoot', () => {
      expect(matches({ x: { $$matchAsRoot: { y: 1 } } }, { x: { y: 1, z: 2 } })).toBe(true);
      expect(matches({ x: { y: 1 } }, { x: { y: 1, z: 2 } })).toBe(false);
    });
  });

  it('rejects an unknown special operator', () => {
    expect(matches({ a: { $$nonsense: 1 } }, { a: 1 })).toBe(false);
  });

  it('names the path of a mismatch', () => {
    let failure: unknown;
    try {
      assertMatches({ a: [{ b: 1 }] }, { a: [{ b: 2 }] });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(MatchError);
    expect((failure as MatchError).path).toBe('$.a[0].b');
  });

  describe('assertSameData', () => {
    it('accepts equal documents in any key order with flexible numbers', () => {
      expect(() =>
        assertSameData([{ _id: 1, x: 2 }], [{ x: new Double(2), _id: 1 }]),
      ).not.toThrow();
    });

    it('rejects extra fields even at the top of each document', () => {
      expect(() => assertSameData([{ _id: 1 }], [{ _id: 1, x: 1 }])).toThrow(MatchError);
    });

    it('compares $$ keys literally', () => {
      expect(() => assertSameData([{ a: { $$exists: true } }], [{ a: 1 }])).toThrow(MatchError);
    });
  });
});
