import type { Doc } from '../values';
import { applyUpdate } from './apply';
import { describeUpdate, type TouchedPath, type UpdateDescription } from './update-description';

function described(
  before: Doc,
  update: unknown,
  arrayFilters?: Doc[],
): UpdateDescription | undefined {
  const touched: TouchedPath[] = [];
  const after = applyUpdate(before, update, { touched, arrayFilters });
  return describeUpdate(update, before, after, touched);
}

function updated(updatedFields: Doc, removedFields: string[] = []): UpdateDescription {
  return { updatedFields, removedFields, truncatedArrays: [] };
}

describe(describeUpdate.name, () => {
  describe('operator updates', () => {
    it('logs a changed field with its new value and leaves out an unchanged one', () => {
      expect(described({ _id: 1, a: 1, b: 2 }, { $set: { a: 5, b: 2 } })).toEqual(
        updated({ a: 5 }),
      );
    });

    it('logs a dotted path inside an existing object', () => {
      expect(described({ _id: 1, a: { b: 1, c: 1 } }, { $inc: { 'a.b': 1 } })).toEqual(
        updated({ 'a.b': 2 }),
      );
    });

    it('logs a created path at its first new field, with everything below it', () => {
      expect(described({ _id: 1, a: {} }, { $set: { 'a.b.c': 1, 'a.b.d': 2 } })).toEqual(
        updated({ 'a.b': { c: 1, d: 2 } }),
      );
    });

    it('replaces a whole sub-document set as a value', () => {
      expect(described({ _id: 1, a: { b: 1 } }, { $set: { a: { b: 1, c: 2 } } })).toEqual(
        updated({ a: { b: 1, c: 2 } }),
      );
    });

    it('lists removed fields, ignores absent ones and logs an unset array element as null', () => {
      expect(
        described({ _id: 1, a: 1, list: [1, 2] }, { $unset: { a: '', missing: '', 'list.1': '' } }),
      ).toEqual(updated({ 'list.1': null }, ['a']));
    });

    it('logs each element a $push appends', () => {
      expect(
        described({ _id: 1, tags: ['a'] }, { $push: { tags: { $each: ['b', 'c'] } } }),
      ).toEqual(updated({ 'tags.1': 'b', 'tags.2': 'c' }));
    });

    it('logs the whole array when $push creates it or inserts before the end', () => {
      expect(described({ _id: 1 }, { $push: { tags: 'a' } })).toEqual(updated({ tags: ['a'] }));
      expect(
        described({ _id: 1, tags: ['b'] }, { $push: { tags: { $each: ['a'], $position: 0 } } }),
      ).toEqual(updated({ tags: ['a', 'b'] }));
    });

    it('logs the whole array after $pull, $pop and $addToSet', () => {
      const before = { _id: 1, tags: ['a', 'b', 'c'] };
      expect(described(before, { $pull: { tags: 'b' } })).toEqual(updated({ tags: ['a', 'c'] }));
      expect(described(before, { $pop: { tags: 1 } })).toEqual(updated({ tags: ['a', 'b'] }));
      expect(described(before, { $addToSet: { tags: 'd' } })).toEqual(
        updated({ tags: ['a', 'b', 'c', 'd'] }),
      );
    });

    it('logs a $rename as the source removed and the target written', () => {
      expect(described({ _id: 1, old: 3 }, { $rename: { old: 'new' } })).toEqual(
        updated({ new: 3 }, ['old']),
      );
    });

    it('logs the concrete paths that array filters select', () => {
      const before = {
        _id: 1,
        lines: [
          { sku: 'a', qty: 1 },
          { sku: 'b', qty: 1 },
        ],
      };
      expect(
        described(before, { $inc: { 'lines.$[line].qty': 2 } }, [{ 'line.sku': 'b' }]),
      ).toEqual(updated({ 'lines.1.qty': 3 }));
    });
  });

  describe('pipeline updates', () => {
    it('reports a shortened array as truncated', () => {
      const before = { _id: 1, a: 1, array: ['foo', { a: 'bar' }, 1, 2, 3] };
      expect(described(before, [{ $set: { array: ['foo', { a: 'bar' }] } }])).toEqual({
        updatedFields: {},
        removedFields: [],
        truncatedArrays: [{ field: 'array', newSize: 2 }],
      });
    });

    it('diffs into sub-documents and array elements', () => {
      const before = {
        _id: 1,
        name: 'n',
        about: 'a field the update leaves as it is, which keeps the diff smaller than the document',
        address: { city: 'Lyon', zip: '69001' },
        lines: [{ q: 1 }],
      };
      const update = [
        { $set: { 'address.city': 'Paris', lines: [{ q: 2 }, { q: 3 }], note: 'x' } },
        { $unset: 'name' },
      ];
      expect(described(before, update)).toEqual({
        updatedFields: { 'address.city': 'Paris', 'lines.0.q': 2, 'lines.1': { q: 3 }, note: 'x' },
        removedFields: ['name'],
        truncatedArrays: [],
      });
    });

    it('is a replacement when the diff outweighs the new document', () => {
      const before = { _id: 1, a: 'first value', b: 'second value' };
      expect(described(before, [{ $replaceWith: { _id: 1, c: 'x' } }])).toBeUndefined();
    });
  });

  it('describes a replacement document as a replacement', () => {
    expect(described({ _id: 1, a: 1 }, { b: 2 })).toBeUndefined();
  });
});
