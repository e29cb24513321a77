import type { Collection, Document } from 'mongodb';
import { useEmulatorClient } from './emulator-client';

interface Product {
  _id: number;
  model: string;
  description: string;
  tags?: string[];
}

/** A document of a collection without a model: a numeric `_id` and any fields. */
type NumberedDocument = Document & { _id: number };

const ids = (documents: Document[]) => documents.map((document) => document._id);

describe('text search in pipelines and under writes', () => {
  const mongo = useEmulatorClient('text-search-maintenance');
  let products: Collection<Product>;
  const search = (text: string) => products.find({ $text: { $search: text } }).toArray();

  beforeEach(async () => {
    products = mongo.db.collection<Product>(`products-${Math.random().toString(36).slice(2)}`);
    await products.createIndex({ model: 'text', description: 'text' }, { weights: { model: 10 } });
    await products.insertMany([
      { _id: 1, model: 'Telecaster', description: 'A bright guitar' },
      { _id: 2, model: 'Precision Bass', description: 'A bass guitar with deep tone' },
      { _id: 3, model: 'Kettle', description: 'Boils water for tea' },
    ]);
  });

  describe('aggregate', () => {
    it('runs $text in the first $match and reads textScore in later stages', async () => {
      const ranked = await products
        .aggregate([
          { $match: { $text: { $search: 'guitar bass' } } },
          { $addFields: { score: { $meta: 'textScore' } } },
          { $sort: { score: { $meta: 'textScore' } } },
          { $project: { model: 1, score: 1, doubled: { $multiply: [{ $meta: 'textScore' }, 2] } } },
        ])
        .toArray();
      expect(ranked).toEqual([
        { _id: 2, model: 'Precision Bass', score: 8.75, doubled: 17.5 },
        { _id: 1, model: 'Telecaster', score: 0.75, doubled: 1.5 },
      ]);
    });

    it('counts text matches and groups them', async () => {
      const [counted] = await products
        .aggregate([{ $match: { $text: { $search: 'guitar' } } }, { $count: 'n' }])
        .toArray();
      expect(counted).toEqual({ n: 2 });
      const [grouped] = await products
        .aggregate([
          { $match: { $text: { $search: 'guitar tea' } } },
          { $group: { _id: null, best: { $max: { $meta: 'textScore' } } } },
        ])
        .toArray();
      expect(grouped).toEqual({ _id: null, best: expect.any(Number) });
    });

    it('allows $text only in the first stage, and textScore only after it', async () => {
      await expect(
        products
          .aggregate([{ $sort: { _id: 1 } }, { $match: { $text: { $search: 'guitar' } } }])
          .toArray(),
      ).rejects.toMatchObject({
        code: 17313,
        message: '$match with $text is only allowed as the first pipeline stage',
      });
      await expect(
        products.aggregate([{ $addFields: { s: { $meta: 'textScore' } } }]).toArray(),
      ).rejects.toMatchObject({ code: 40218 });
    });
  });

  describe('index maintenance', () => {
    it('follows updates, replacements and deletes', async () => {
      await products.updateOne({ _id: 3 }, { $set: { description: 'Heats water for coffee' } });
      expect(await search('tea')).toEqual([]);
      expect(ids(await search('heating coffee'))).toEqual([3]);
      await products.replaceOne(
        { _id: 1 },
        { model: 'Stratocaster', description: 'Three pickups' },
      );
      expect(ids(await search('guitar'))).toEqual([2]);
      expect(ids(await search('pickup'))).toEqual([1]);
      await products.deleteOne({ _id: 2 });
      expect(await search('bass')).toEqual([]);
    });

    it('indexes documents inserted before and after the index alike', async () => {
      const late = mongo.db.collection<Product>('indexed-late');
      await late.insertOne({ _id: 1, model: 'Kazoo', description: 'Humming' });
      await late.createIndex({ model: 'text' });
      await late.insertOne({ _id: 2, model: 'Kazoos', description: 'More humming' });
      expect(ids(await late.find({ $text: { $search: 'kazoo' } }).toArray())).toEqual([1, 2]);
    });

    it('shows a transaction its own writes and not others until they commit', async () => {
      const session = mongo.client.startSession();
      try {
        session.startTransaction();
        await products.insertOne(
          { _id: 4, model: 'Ukulele', description: 'Four strings' },
          { session },
        );
        await products.updateOne({ _id: 3 }, { $set: { model: 'Ukulele stand' } }, { session });
        const inside = await products
          .find({ $text: { $search: 'ukulele' } }, { session })
          .toArray();
        expect(ids(inside)).toEqual([3, 4]);
        expect(await search('ukulele')).toEqual([]);
        await session.commitTransaction();
      } finally {
        await session.endSession();
      }
      expect(ids(await search('ukulele'))).toEqual([3, 4]);
    });

    it('indexes every string under a wildcard text index, arrays included', async () => {
      const notes = mongo.db.collection<NumberedDocument>('wildcard-notes');
      await notes.createIndex({ '$**': 'text' });
      await notes.insertMany([
        { _id: 1, title: 'Groceries', items: ['apples', { name: 'pears' }] },
        { _id: 2, title: 'Chores', detail: { text: 'water the plants' } },
      ]);
      const found = (text: string) => notes.find({ $text: { $search: text } }).toArray();
      expect(ids(await found('pear'))).toEqual([1]);
      expect(ids(await found('plant apple'))).toEqual([1, 2]);
    });
  });
});
