import { Decimal128, Double, Int32, Long, ObjectId, Timestamp, UUID } from 'mongodb';
import { useEmulatorClient } from '../../test/emulator-client';

describe('read commands', () => {
  const mongo = useEmulatorClient('crud');

  describe('find', () => {
    beforeAll(async () => {
      await mongo.db.collection('items').insertMany(
        Array.from({ length: 30 }, (_, i) => ({
          _id: i as never,
          n: i,
          parity: i % 2,
          tags: [`t${i % 3}`],
        })),
      );
    });

    it('filters, sorts, skips and limits', async () => {
      const found = await mongo.db
        .collection('items')
        .find({ parity: 1, n: { $gt: 10 } })
        .sort({ n: -1 })
        .skip(2)
        .limit(3)
        .toArray();
      expect(found.map((doc) => doc.n)).toEqual([25, 23, 21]);
    });

    it('pages through getMore batches and returns a single batch for a negative limit', async () => {
      expect(await mongo.db.collection('items').find({}, { batchSize: 4 }).toArray()).toHaveLength(
        30,
      );
      expect(await mongo.db.collection('items').find({}).limit(-5).toArray()).toHaveLength(5);
    });

    it('matches array fields element-wise and projects', async () => {
      const found = await mongo.db
        .collection('items')
        .find({ tags: 't1' }, { projection: { tags: 0, parity: 0 } })
        .limit(2)
        .toArray();
      expect(found).toEqual([
        { _id: 1, n: 1 },
        { _id: 4, n: 4 },
      ]);
    });

    it('kills open cursors', async () => {
      const reply = await mongo.db.command({ find: 'items', batchSize: 2 });
      const killed = await mongo.db.command({
        killCursors: 'items',
        cursors: [reply.cursor.id, Long.fromNumber(424242)],
      });
      expect(killed.cursorsKilled).toHaveLength(1);
      expect(killed.cursorsNotFound).toHaveLength(1);
    });

    it('sorts mixed types in MongoDB order', async () => {
      const mixed = mongo.db.collection('mixed');
      await mixed.insertMany([
        { v: 'a' },
        { v: 2 },
        { v: null },
        { v: new Date(0) },
        { v: true },
        { v: { x: 1 } },
        {},
        { v: new ObjectId() },
      ]);
      const order = (
        await mixed
          .find({}, { projection: { _id: 0 } })
          .sort({ v: 1 })
          .toArray()
      ).map((doc) => (doc.v === undefined ? 'missing' : (doc.v?.constructor?.name ?? 'null')));
      expect(order).toEqual([
        'null',
        'missing',
        'Number',
        'String',
        'Object',
        'ObjectId',
        'Boolean',
        'Date',
      ]);
    });
  });

  describe('types', () => {
    it('round-trips BSON types and keeps numeric types through $inc', async () => {
      const types = mongo.db.collection('types');
      const uuid = new UUID();
      await types.insertOne({
        _id: 'all' as never,
        i: new Int32(1),
        d: new Double(1),
        l: Long.fromNumber(5),
        dec: Decimal128.fromString('1.25'),
        uuid,
        ts: new Timestamp({ t: 5, i: 1 }),
        re: /x/i,
        nil: null,
        at: new Date(5),
      });
      await types.updateOne({ _id: 'all' as never }, { $inc: { i: 1, d: 1, l: 1 } });
      const doc = await types.findOne({ _id: 'all' as never }, { promoteValues: false });
      expect(doc!.i).toBeInstanceOf(Int32);
      expect(doc!.d).toBeInstanceOf(Double);
      expect(doc!.l).toBeInstanceOf(Long);
      expect(doc!.l.toString()).toBe('6');
      expect(doc!.dec.toString()).toBe('1.25');
      expect(doc!.uuid.toHexString()).toBe(uuid.toHexString());
      expect(doc!.ts).toBeInstanceOf(Timestamp);
      expect(doc!.re).toEqual(/x/i);
      expect(doc!.at).toEqual(new Date(5));
    });

    it('matches numbers across int, long and double', async () => {
      const numbers = mongo.db.collection('numbers');
      await numbers.insertMany([
        { v: new Int32(3) },
        { v: Long.fromNumber(3) },
        { v: new Double(3) },
      ]);
      await expect(numbers.countDocuments({ v: 3 })).resolves.toBe(3);
    });

    it('allows dotted and dollar-prefixed field names but not in _id', async () => {
      const names = mongo.db.collection('names');
      await names.insertOne({ _id: 1 as never, 'a.b': 1, nested: { $x: 1 } });
      await expect(names.insertOne({ _id: { $bad: 1 } as never })).rejects.toMatchObject({
        code: 52,
      });
    });
  });

  describe('delete, count and distinct', () => {
    it('deletes one or many and counts', async () => {
      const coll = mongo.db.collection('del');
      await coll.insertMany([{ k: 1 }, { k: 1 }, { k: 2 }, { k: [2, 3] }]);
      expect(await coll.distinct('k')).toEqual([1, 2, 3]);
      expect((await coll.deleteOne({ k: 1 })).deletedCount).toBe(1);
      expect((await coll.deleteMany({ k: 2 })).deletedCount).toBe(2);
      expect(await coll.countDocuments()).toBe(1);
      expect(await coll.estimatedDocumentCount()).toBe(1);
    });
  });
});
