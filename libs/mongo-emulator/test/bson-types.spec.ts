import { Binary, DBRef, Decimal128, Double, Int32, Long, ObjectId, type Collection } from 'mongodb';
import { useEmulatorClient } from './emulator-client';

describe('BSON types in queries and sorts', () => {
  const mongo = useEmulatorClient('bson-types', { client: { promoteLongs: false } });

  describe('numeric types', () => {
    const numbers = (): Collection => mongo.db.collection('numbers');

    beforeAll(async () => {
      await numbers().insertMany([
        { _id: 'int' as never, v: new Int32(1) },
        { _id: 'long' as never, v: Long.fromNumber(1) },
        { _id: 'double' as never, v: new Double(1) },
        { _id: 'fraction' as never, v: 1.5 },
        { _id: 'decimal' as never, v: Decimal128.fromString('1') },
        { _id: 'big' as never, v: Long.fromString('9007199254740993') },
      ]);
    });

    const idsOf = async (filter: object): Promise<string[]> =>
      (await numbers().find(filter).sort({ _id: 1 }).toArray()).map((doc) => String(doc._id));

    it.each([
      ['int', ['int']],
      ['long', ['big', 'long']],
      ['double', ['double', 'fraction']],
      ['decimal', ['decimal']],
      ['number', ['big', 'decimal', 'double', 'fraction', 'int', 'long']],
    ])('tells stored %s values apart with $type', async (alias, expected) => {
      expect(await idsOf({ v: { $type: alias } })).toEqual(expected);
    });

    it('accepts numeric type codes and lists of types', async () => {
      expect(await idsOf({ v: { $type: 16 } })).toEqual(['int']);
      expect(await idsOf({ v: { $type: 18 } })).toEqual(['big', 'long']);
      expect(await idsOf({ v: { $type: ['int', 19] } })).toEqual(['decimal', 'int']);
    });

    it('keeps types apart in a leading $match of an aggregation', async () => {
      const longs = await numbers()
        .aggregate([{ $match: { v: { $type: 'long' } } }, { $sort: { _id: 1 } }])
        .toArray();
      expect(longs.map((doc) => doc._id)).toEqual(['big', 'long']);
    });

    it('compares 64-bit integers beyond 2^53 exactly', async () => {
      expect(await idsOf({ v: { $gt: Long.fromString('9007199254740992') } })).toEqual(['big']);
      expect(await idsOf({ v: Long.fromString('9007199254740993') })).toEqual(['big']);
    });

    it('refuses an unknown type alias with BadValue', async () => {
      await expect(numbers().findOne({ v: { $type: 'integer' } })).rejects.toMatchObject({
        code: 2,
        message: 'Unknown type name alias: integer',
      });
    });
  });

  describe('NaN', () => {
    const values = (): Collection => mongo.db.collection('nan');

    beforeAll(async () => {
      await values().createIndex({ v: 1 });
      await values().insertMany([
        { _id: 'nan' as never, v: NaN },
        { _id: 'decimalNaN' as never, v: Decimal128.fromString('NaN') },
        { _id: 'low' as never, v: -Infinity },
        { _id: 'two' as never, v: 2 },
      ]);
    });

    const idsOf = async (filter: object, hint: object): Promise<string[]> =>
      (await values().find(filter).hint(hint).sort({ _id: 1 }).toArray()).map((doc) =>
        String(doc._id),
      );

    it.each([
      [{ $lt: 5 }, ['low', 'two']],
      [{ $lte: Infinity }, ['low', 'two']],
      [{ $gte: NaN }, ['decimalNaN', 'nan']],
      [{ $gt: NaN }, []],
      [{ $lt: Decimal128.fromString('NaN') }, []],
      [{ $eq: NaN }, ['decimalNaN', 'nan']],
    ])(
      'matches %o as MongoDB does, through the index and by scan alike',
      async (condition, ids) => {
        expect(await idsOf({ v: condition }, { v: 1 })).toEqual(ids);
        expect(await idsOf({ v: condition }, { $natural: 1 })).toEqual(ids);
      },
    );

    it('sorts NaN before every other number', async () => {
      const sorted = await values().find({}).sort({ v: 1, _id: 1 }).toArray();
      expect(sorted.map((doc) => String(doc._id))).toEqual(['decimalNaN', 'nan', 'low', 'two']);
    });
  });

  describe('$jsonSchema validators', () => {
    it('check the stored numeric type and bound decimals by value', async () => {
      const stock = await mongo.db.createCollection('stock', {
        validator: {
          $jsonSchema: {
            properties: {
              qty: { bsonType: 'int' },
              price: { bsonType: 'decimal', minimum: Decimal128.fromString('0.00') },
            },
          },
        },
      });

      await stock.insertOne({ qty: new Int32(1), price: Decimal128.fromString('9.99') });
      await expect(
        stock.insertOne({ qty: Long.fromNumber(1), price: Decimal128.fromString('1') }),
      ).rejects.toMatchObject({ code: 121 });
      await expect(
        stock.insertOne({ qty: new Int32(1), price: Decimal128.fromString('-0.01') }),
      ).rejects.toMatchObject({ code: 121 });
      expect(await stock.countDocuments()).toBe(1);
    });
  });

  describe('$all', () => {
    it('matches a field that is not an array when it holds every listed value', async () => {
      const tags = mongo.db.collection('tags');
      await tags.insertMany([
        { _id: 1 as never, tag: 'a' },
        { _id: 2 as never, tag: ['a', 'b'] },
        { _id: 3 as never, tag: 'b' },
      ]);

      const found = await tags.find({ tag: { $all: ['a'] } }).toArray();
      expect(found.map((doc) => doc._id)).toEqual([1, 2]);
      expect(await tags.countDocuments({ tag: { $all: [] } })).toBe(0);
    });
  });

  describe('binary data', () => {
    const blobs = (): Collection => mongo.db.collection('blobs');

    beforeAll(async () => {
      await blobs().insertMany([
        { _id: 'long' as never, b: new Binary(Buffer.from([1, 2, 3]), 0) },
        { _id: 'short-user' as never, b: new Binary(Buffer.from([9]), 128) },
        { _id: 'short' as never, b: new Binary(Buffer.from([9]), 0) },
        { _id: 'short-low' as never, b: new Binary(Buffer.from([2]), 0) },
      ]);
    });

    const order = ['short-low', 'short', 'short-user', 'long'];

    it('sorts by length, then subtype, then bytes', async () => {
      const sorted = await blobs().find().sort({ b: 1 }).toArray();
      expect(sorted.map((doc) => doc._id)).toEqual(order);
      const aggregated = await blobs()
        .aggregate([{ $sort: { b: 1 } }])
        .toArray();
      expect(aggregated.map((doc) => doc._id)).toEqual(order);
    });

    it('compares in range queries the same way', async () => {
      const found = await blobs()
        .find({ b: { $gt: new Binary(Buffer.from([200]), 0) } })
        .sort({ b: 1 })
        .toArray();
      expect(found.map((doc) => doc._id)).toEqual(['short-user', 'long']);
    });
  });

  describe('DBRef', () => {
    it('queries the $ref, $id and $db fields of a stored reference', async () => {
      const refs = mongo.db.collection('refs');
      const target = new ObjectId();
      await refs.insertMany([
        { _id: 1 as never, owner: new DBRef('users', target, 'accounts') },
        { _id: 2 as never, owner: new DBRef('users', new ObjectId()) },
      ]);

      const byId = await refs.findOne({ 'owner.$id': target });
      expect(byId?._id).toBe(1);
      expect(byId?.owner).toBeInstanceOf(DBRef);
      expect(byId?.owner).toMatchObject({ collection: 'users', oid: target, db: 'accounts' });
      expect(await refs.countDocuments({ 'owner.$ref': 'users' })).toBe(2);
      expect(await refs.countDocuments({ 'owner.$db': 'accounts' })).toBe(1);
    });
  });
});
