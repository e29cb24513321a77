import { MongoClient, type Collection, type Document } from 'mongodb';
import { useEmulatorClient } from './emulator-client';

/**
 * Field names such as `__proto__` and `constructor` are ordinary data on MongoDB. Paths through
 * them must create and read fields of the document, never reach Object.prototype inside the
 * emulator (which would break every later command of every client).
 */
const PATHS = ['__proto__.polluted', 'constructor.prototype.polluted'];

/** A document with the given JSON, own `__proto__` keys included (a literal would set the prototype). */
function json(text: string): Document {
  return JSON.parse(text) as Document;
}

function expectPrototypeUntouched(): void {
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('fields named like members of Object.prototype', () => {
  const mongo = useEmulatorClient('prototype-fields');
  let other: MongoClient;
  const docs = (): Collection => mongo.db.collection('docs');

  beforeAll(async () => {
    other = await MongoClient.connect(mongo.uri);
  });

  afterAll(async () => {
    await other.close();
  });

  beforeEach(async () => {
    await docs().deleteMany({});
    await docs().insertOne({ _id: 1 as never, n: 1, list: [1, 2] });
  });

  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  const operators: Array<[string, (path: string) => Document]> = [
    ['$set', (path) => ({ $set: { [path]: 1 } })],
    ['$inc', (path) => ({ $inc: { [path]: 1 } })],
    ['$mul', (path) => ({ $mul: { [path]: 2 } })],
    ['$min', (path) => ({ $min: { [path]: 1 } })],
    ['$max', (path) => ({ $max: { [path]: 1 } })],
    ['$currentDate', (path) => ({ $currentDate: { [path]: true } })],
    ['$push', (path) => ({ $push: { [path]: 1 } })],
    ['$addToSet', (path) => ({ $addToSet: { [path]: 1 } })],
    ['$pop', (path) => ({ $pop: { [path]: 1 } })],
    ['$pull', (path) => ({ $pull: { [path]: 1 } })],
    ['$pullAll', (path) => ({ $pullAll: { [path]: [1] } })],
    ['$bit', (path) => ({ $bit: { [path]: { or: 1 } } })],
    ['$unset', (path) => ({ $unset: { [path]: '' } })],
    ['$rename to', (path) => ({ $rename: { n: path } })],
    ['$rename from', (path) => ({ $rename: { [path]: 'moved' } })],
  ];

  describe.each(PATHS)('through %s', (path) => {
    it.each(operators)('%s writes into the document, not into the emulator', async (_, update) => {
      await docs().updateOne({ _id: 1 as never }, update(path));

      expectPrototypeUntouched();
      const unrelated = other.db('prototype-fields').collection('unrelated');
      await unrelated.insertOne({ _id: 'u' as never, a: 1, b: 2 });
      expect(await unrelated.findOne({}, { projection: { a: 1 } })).toEqual({ _id: 'u', a: 1 });
      expect(await unrelated.aggregate([{ $project: { _id: 0, b: 1 } }]).toArray()).toEqual([
        { b: 2 },
      ]);
      await unrelated.updateOne({ _id: 'u' as never }, [{ $set: { c: { $add: ['$a', '$b'] } } }]);
      expect(await unrelated.findOne({ _id: 'u' as never })).toEqual({
        _id: 'u',
        a: 1,
        b: 2,
        c: 3,
      });
      await unrelated.drop();
    });

    it('creates the nested fields as MongoDB does and finds them again', async () => {
      const [first] = path.split('.');
      await docs().updateOne({ _id: 1 as never }, { $set: { [path]: 7 } });

      const stored = await docs().findOne({ [path]: 7 });
      expect(stored).not.toBeNull();
      expect(Object.keys(stored!)).toEqual(['_id', 'n', 'list', first]);
      const expected =
        first === '__proto__' ? json('{"polluted": 7}') : { prototype: { polluted: 7 } };
      expect(stored![first]).toEqual(expected);
      expect(await docs().findOne({ [path]: 7 }, { projection: { _id: 0, [path]: 1 } })).toEqual(
        json(
          first === '__proto__'
            ? '{"__proto__": {"polluted": 7}}'
            : '{"constructor": {"prototype": {"polluted": 7}}}',
        ),
      );
      expectPrototypeUntouched();
    });

    it('$setOnInsert writes into the upserted document', async () => {
      await docs().updateOne(
        { _id: 9 as never },
        { $setOnInsert: { [path]: 1 } },
        { upsert: true },
      );

      expectPrototypeUntouched();
      expect(await docs().countDocuments({ [path]: 1 })).toBe(1);
    });

    it('seeds an upsert from the filter and projects nothing it should not', async () => {
      const result = await docs().updateOne(
        { [path]: 3 },
        { $setOnInsert: { fresh: true } },
        { upsert: true },
      );

      const created = await docs().findOne({ _id: result.upsertedId! }, { projection: { _id: 0 } });
      expect(Object.keys(created!)).toEqual([path.split('.')[0], 'fresh']);
      expect(await docs().countDocuments({ [path]: { $exists: true } })).toBe(1);
      expect(await docs().findOne({ _id: 1 as never }, { projection: { [path]: 1 } })).toEqual({
        _id: 1,
      });
      expectPrototypeUntouched();
    });
  });

  it('stores and replaces documents holding a __proto__ field', async () => {
    await docs().insertOne(json('{"_id": 2, "__proto__": {"polluted": 1}, "a": 1}'));
    await docs().replaceOne({ _id: 2 as never }, json('{"__proto__": {"polluted": 2}, "b": 1}'));

    const stored = await docs().findOne({ _id: 2 as never });
    expect(Object.keys(stored!)).toEqual(['_id', '__proto__', 'b']);
    expect(stored!['__proto__']).toEqual(json('{"polluted": 2}'));
    expect(await docs().countDocuments({ '__proto__.polluted': 2 })).toBe(1);
    expectPrototypeUntouched();
  });

  it('never reads an inherited member as a field, in queries, sorts or index keys', async () => {
    await docs().createIndex({ constructor: 1 });
    await docs().insertOne({ _id: 2 as never, constructor: 'x' });

    expect(
      await docs()
        .find({ constructor: null }, { projection: { _id: 1 } })
        .toArray(),
    ).toEqual([{ _id: 1 }]);
    expect(await docs().countDocuments({ toString: { $exists: true } })).toBe(0);
    expect(await docs().distinct('constructor')).toEqual(['x']);
    expectPrototypeUntouched();
  });
});
