import { useEmulatorClient } from '../../test/emulator-client';

describe('write commands', () => {
  const mongo = useEmulatorClient('crud');

  describe('update', () => {
    const docs = () => mongo.db.collection('updates');

    beforeEach(async () => {
      await docs().deleteMany({});
      await docs().insertOne({
        _id: 1 as never,
        n: 1,
        name: 'x',
        grades: [
          { k: 'a', v: 1 },
          { k: 'b', v: 2 },
        ],
        list: [3, 1, 2],
      });
    });

    it('applies every operator family', async () => {
      await docs().updateOne({ _id: 1 as never }, {
        $inc: { n: 2 },
        $set: { 'deep.field': true },
        $unset: { name: '' },
        $push: { list: { $each: [9, 0], $sort: 1, $slice: -3 } },
      } as never);
      await docs().updateOne(
        { _id: 1 as never },
        {
          $addToSet: { list: 9 },
          $max: { n: 10 },
          $rename: { deep: 'nested' },
          $currentDate: { at: true },
          $mul: { m: 3 },
        },
      );
      const doc = await docs().findOne({ _id: 1 as never });
      expect(doc).toMatchObject({ n: 10, nested: { field: true }, list: [2, 3, 9], m: 0 });
      expect(doc!.at).toBeInstanceOf(Date);
      expect(doc).not.toHaveProperty('name');
    });

    it('updates positional, all-positional and filtered elements', async () => {
      await docs().updateOne({ _id: 1 as never, 'grades.k': 'b' }, { $inc: { 'grades.$.v': 10 } });
      await docs().updateOne(
        { _id: 1 as never },
        { $set: { 'grades.$[g].flag': true } },
        { arrayFilters: [{ 'g.v': { $gt: 5 } }] },
      );
      await docs().updateOne({ _id: 1 as never }, { $inc: { 'list.$[]': 1 } });
      const doc = await docs().findOne({ _id: 1 as never });
      expect(doc!.grades).toEqual([
        { k: 'a', v: 1 },
        { k: 'b', v: 12, flag: true },
      ]);
      expect(doc!.list).toEqual([4, 2, 3]);
    });

    it('upserts with $setOnInsert and reports the upserted id', async () => {
      const result = await docs().updateOne(
        { key: 'new' },
        { $set: { v: 1 }, $setOnInsert: { created: true } },
        { upsert: true },
      );
      expect(result.upsertedCount).toBe(1);
      expect(await docs().findOne({ _id: result.upsertedId! }, { projection: { _id: 0 } })).toEqual(
        { key: 'new', v: 1, created: true },
      );
    });

    it('supports pipeline updates and replacements', async () => {
      await docs().updateOne({ _id: 1 as never }, [{ $set: { total: { $add: ['$n', 5] } } }]);
      expect(await docs().findOne({ _id: 1 as never }, { projection: { total: 1 } })).toEqual({
        _id: 1,
        total: 6,
      });
      await docs().replaceOne({ _id: 1 as never }, { replaced: true });
      expect(await docs().findOne({ _id: 1 as never })).toEqual({ _id: 1, replaced: true });
    });

    it('rejects $inc on a non-number, _id changes and conflicting paths with MongoDB codes', async () => {
      await expect(
        docs().updateOne({ _id: 1 as never }, { $inc: { name: 1 } }),
      ).rejects.toMatchObject({
        code: 14,
        message: expect.stringContaining('Cannot apply $inc to a value of non-numeric type'),
      });
      await expect(
        docs().updateOne({ _id: 1 as never }, { $set: { _id: 2 } }),
      ).rejects.toMatchObject({ code: 66, codeName: 'ImmutableField' });
      await expect(
        docs().updateOne({ _id: 1 as never }, { $set: { n: 1 }, $inc: { n: 1 } }),
      ).rejects.toMatchObject({ code: 40 });
      await expect(
        docs().updateOne({ _id: 1 as never }, { $bogus: { n: 1 } } as never),
      ).rejects.toMatchObject({ code: 9 });
    });

    it('counts matched and modified documents across many', async () => {
      await docs().insertMany([{ g: 1 }, { g: 1 }, { g: 1, done: true }]);
      const result = await docs().updateMany({ g: 1 }, { $set: { done: true } });
      expect(result).toMatchObject({ matchedCount: 3, modifiedCount: 2 });
    });
  });

  describe('findAndModify', () => {
    it('returns before or after documents and upserts', async () => {
      const counters = mongo.db.collection('counters');
      await counters.insertOne({ _id: 'c' as never, seq: 1 });
      expect(await counters.findOneAndUpdate({ _id: 'c' as never }, { $inc: { seq: 1 } })).toEqual({
        _id: 'c',
        seq: 1,
      });
      expect(
        await counters.findOneAndUpdate(
          { _id: 'c' as never },
          { $inc: { seq: 1 } },
          { returnDocument: 'after', projection: { _id: 0 } },
        ),
      ).toEqual({ seq: 3 });
      const upserted = await counters.findOneAndUpdate(
        { _id: 'd' as never },
        { $set: { seq: 1 } },
        { upsert: true, returnDocument: 'after', includeResultMetadata: true },
      );
      expect(upserted.lastErrorObject).toMatchObject({
        n: 1,
        updatedExisting: false,
        upserted: 'd',
      });
      expect(await counters.findOneAndDelete({ _id: 'd' as never })).toEqual({ _id: 'd', seq: 1 });
    });
  });

  describe('bulk writes', () => {
    it('reports write errors with their index and continues when unordered', async () => {
      const coll = mongo.db.collection('bulk');
      const error = await coll
        .insertMany([{ _id: 1 }, { _id: 1 }, { _id: 2 }] as never[], { ordered: false })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 11000,
        writeErrors: [expect.objectContaining({ index: 1 })],
      });
      expect(await coll.countDocuments()).toBe(2);
      const ordered = await coll
        .bulkWrite([
          { insertOne: { document: { _id: 3 } } },
          { insertOne: { document: { _id: 3 } } },
          { insertOne: { document: { _id: 4 } } },
        ] as never[])
        .catch((e: unknown) => e);
      expect(ordered).toMatchObject({ code: 11000 });
      expect(await coll.countDocuments()).toBe(3);
    });
  });
});
