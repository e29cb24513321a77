import mongoose, { Schema } from 'mongoose';
import type { CollationOptions, Collection, Document } from 'mongodb';
import { useEmulatorClient } from './emulator-client';

const caseInsensitive: CollationOptions = { locale: 'en', strength: 2 };

interface Person {
  _id: number;
  name: string;
  tags?: string[];
}

describe('collation', () => {
  const mongo = useEmulatorClient('collation');
  const people = (): Collection<Person> => mongo.db.collection<Person>('people');

  beforeEach(async () => {
    await people().deleteMany({});
    await people().insertMany([
      { _id: 1, name: 'bob', tags: ['Red'] },
      { _id: 2, name: 'Bob', tags: ['red'] },
      { _id: 3, name: 'BOB' },
      { _id: 4, name: 'Alice' },
      { _id: 5, name: 'résumé' },
    ]);
  });

  const ids = (docs: Document[]) => docs.map((doc) => doc._id);

  describe('in reads', () => {
    it('matches strings equal under the collation in find, count and $in', async () => {
      expect(ids(await people().find({ name: 'bob' }).toArray())).toEqual([1]);
      expect(
        ids(await people().find({ name: 'bob' }, { collation: caseInsensitive }).toArray()),
      ).toEqual([1, 2, 3]);
      expect(await people().countDocuments({ name: 'BOB' }, { collation: caseInsensitive })).toBe(
        3,
      );
      expect(
        await people().countDocuments(
          { name: { $in: ['ALICE', 'nobody'] } },
          { collation: caseInsensitive },
        ),
      ).toBe(1);
    });

    it('compares ranges and sorts by the locale', async () => {
      const sorted = await people()
        .find({ name: { $gt: 'b' } }, { collation: { locale: 'en' } })
        .sort({ name: 1 })
        .toArray();
      expect(sorted.map((doc) => doc.name)).toEqual(['bob', 'Bob', 'BOB', 'résumé']);
    });

    it('sorts digit runs as numbers with numericOrdering', async () => {
      const items = mongo.db.collection('items');
      await items.insertMany([{ code: 'a10' }, { code: 'a9' }, { code: 'a100' }]);
      const sorted = await items
        .find({}, { collation: { locale: 'en', numericOrdering: true }, projection: { _id: 0 } })
        .sort({ code: 1 })
        .toArray();
      expect(sorted).toEqual([{ code: 'a9' }, { code: 'a10' }, { code: 'a100' }]);
    });

    it('ignores accents at strength 1 and case too unless caseLevel is set', async () => {
      expect(
        await people().countDocuments(
          { name: 'RESUME' },
          { collation: { locale: 'fr', strength: 1 } },
        ),
      ).toBe(1);
      expect(
        await people().countDocuments(
          { name: 'RESUME' },
          { collation: { locale: 'fr', strength: 1, caseLevel: true } },
        ),
      ).toBe(0);
      expect(
        await people().countDocuments(
          { name: 'resume' },
          { collation: { locale: 'fr', strength: 1, caseLevel: true } },
        ),
      ).toBe(1);
    });

    it('gives one distinct value per collation key', async () => {
      const names = await people().distinct('name', {}, { collation: caseInsensitive });
      expect(names.map((name) => name.toLowerCase())).toEqual(['alice', 'bob', 'résumé']);
    });

    it('groups, matches and sorts in aggregation', async () => {
      const groups = await people()
        .aggregate(
          [
            { $match: { name: { $in: ['BOB', 'alice'] } } },
            {
              $group: { _id: { $toLower: '$name' }, n: { $sum: 1 }, same: { $addToSet: '$name' } },
            },
            { $sort: { _id: 1 } },
          ],
          { collation: caseInsensitive },
        )
        .toArray();
      expect(groups.map(({ _id, n, same }) => [_id, n, same.length])).toEqual([
        ['alice', 1, 1],
        ['bob', 3, 1],
      ]);
    });
  });

  describe('in writes', () => {
    it('selects what updateMany, deleteOne and findOneAndUpdate change', async () => {
      const updated = await people().updateMany(
        { name: 'BOB' },
        { $set: { seen: true } },
        { collation: caseInsensitive },
      );
      expect(updated.modifiedCount).toBe(3);
      const found = await people().findOneAndUpdate(
        { name: 'ALICE' },
        { $set: { seen: true } },
        { collation: caseInsensitive, returnDocument: 'after' },
      );
      expect(found).toMatchObject({ _id: 4, seen: true });
      const deleted = await people().deleteMany({ name: 'bob' }, { collation: caseInsensitive });
      expect(deleted.deletedCount).toBe(3);
    });

    it('applies to the conditions of $pull', async () => {
      await people().updateMany({}, { $pull: { tags: 'RED' } }, { collation: caseInsensitive });
      expect(await people().countDocuments({ tags: { $size: 1 } })).toBe(0);
    });
  });

  describe('on indexes', () => {
    it('refuses Bob beside bob in a unique index with strength 2 and shows the collation', async () => {
      const users = mongo.db.collection('users');
      await users.createIndex({ name: 1 }, { unique: true, collation: caseInsensitive });
      await users.insertOne({ name: 'bob' });

      await expect(users.insertOne({ name: 'Bob' })).rejects.toMatchObject({ code: 11000 });
      await users.insertOne({ name: 'Bobby' });
      const [, index] = await users.listIndexes().toArray();
      expect(index.collation).toEqual({
        locale: 'en',
        caseLevel: false,
        caseFirst: 'off',
        strength: 2,
        numericOrdering: false,
        alternate: 'non-ignorable',
        maxVariable: 'punct',
        normalization: false,
        backwards: false,
        version: '57.1',
      });
    });

    it('finds through a collated index only what the query collation matches', async () => {
      const users = mongo.db.collection('indexed');
      await users.createIndex({ name: 1 }, { collation: caseInsensitive });
      await users.insertMany([{ name: 'ann' }, { name: 'ANN' }]);

      expect(await users.countDocuments({ name: 'ann' })).toBe(1);
      expect(await users.countDocuments({ name: 'ann' }, { collation: caseInsensitive })).toBe(2);
    });
  });

  describe('as a collection default', () => {
    it('is used when an operation gives none, and a simple collation overrides it', async () => {
      const tags = await mongo.db.createCollection('tags', { collation: caseInsensitive });
      await tags.insertMany([{ tag: 'Sale' }, { tag: 'sale' }, { tag: 'new' }]);
      await tags.createIndex({ tag: 1 }, { unique: false });

      expect(await tags.countDocuments({ tag: 'SALE' })).toBe(2);
      expect(await tags.countDocuments({ tag: 'SALE' }, { collation: { locale: 'simple' } })).toBe(
        0,
      );
      const [info] = await mongo.db.listCollections({ name: 'tags' }).toArray();
      expect(info).toMatchObject({ options: { collation: { locale: 'en', strength: 2 } } });
      const [, index] = await tags.listIndexes().toArray();
      expect(index.collation).toMatchObject({ locale: 'en', strength: 2 });
    });

    it('comes from a Mongoose schema option', async () => {
      const connection = await mongoose
        .createConnection(mongo.uri, { dbName: 'collation' })
        .asPromise();
      try {
        const Brand = connection.model(
          'Brand',
          new Schema({ name: { type: String, unique: true } }, { collation: caseInsensitive }),
        );
        await Brand.createCollection();
        await Brand.init();
        await Brand.create({ name: 'Acme' });

        await expect(Brand.create({ name: 'ACME' })).rejects.toMatchObject({ code: 11000 });
        expect(await Brand.countDocuments({ name: 'acme' })).toBe(1);
      } finally {
        await connection.close();
      }
    });
  });

  it('refuses what MongoDB refuses', async () => {
    await expect(people().findOne({}, { collation: { locale: 'xx' } })).rejects.toMatchObject({
      code: 2,
      message: 'Field \'locale\' is invalid in: { locale: "xx" }',
    });
    await expect(
      people().findOne({}, { collation: { locale: 'en', strength: 6 } }),
    ).rejects.toMatchObject({ code: 51024 });
  });
});
