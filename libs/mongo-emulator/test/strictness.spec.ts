import type { Collection, Document } from 'mongodb';
import { useEmulatorClient } from './emulator-client';

interface Item {
  _id: number;
  sku?: string;
  qty: number;
}

describe('what MongoDB 7.0 refuses, and what it accepts', () => {
  const mongo = useEmulatorClient('strictness');
  const items = (): Collection<Item> => mongo.db.collection<Item>('items');

  beforeAll(async () => {
    await items().insertMany([
      { _id: 1, sku: 'a', qty: 1 },
      { _id: 2, qty: 2 },
      { _id: 3, sku: 'c', qty: 3 },
    ]);
    await items().createIndex({ sku: 1 }, { sparse: true, name: 'sku_sparse' });
  });

  const command = (body: Document) => mongo.db.command(body);

  describe('in a multi-document transaction', () => {
    it('refuses count and commands a transaction cannot run, and runs the others', async () => {
      const session = mongo.client.startSession();
      try {
        session.startTransaction();
        expect(await items().findOne({ _id: 1 }, { session })).toMatchObject({ qty: 1 });
        await expect(mongo.db.command({ count: 'items' }, { session })).rejects.toMatchObject({
          code: 263,
          codeName: 'OperationNotSupportedInTransaction',
          message: expect.stringContaining("Cannot run 'count' in a multi-document transaction."),
        });
        await session.abortTransaction();
        session.startTransaction();
        await expect(mongo.db.command({ listCollections: 1 }, { session })).rejects.toMatchObject({
          code: 263,
          message: "Cannot run 'listCollections' in a multi-document transaction.",
        });
        await session.abortTransaction();
      } finally {
        await session.endSession();
      }
    });
  });

  describe('command options', () => {
    it("refuses fields 7.0 does not know, later versions' options included", async () => {
      await expect(
        command({ find: 'items', filter: {}, sortBy: { qty: 1 } }),
      ).rejects.toMatchObject({
        code: 40415,
        message: "BSON field 'find.sortBy' is an unknown field.",
      });
      await expect(
        items().updateOne({ qty: { $gt: 0 } }, { $set: { seen: true } }, { sort: { qty: -1 } }),
      ).rejects.toMatchObject({
        code: 40415,
        message: "BSON field 'update.updates.sort' is an unknown field.",
      });
      await expect(
        command({ distinct: 'items', key: 'sku', hint: { sku: 1 } }),
      ).rejects.toMatchObject({ code: 40415 });
    });

    it('accepts every option the driver and Mongoose send', async () => {
      const session = mongo.client.startSession();
      try {
        await session.withTransaction(async () => {
          const found = await items()
            .find(
              { $expr: { $gte: ['$qty', '$$min'] } },
              {
                session,
                comment: 'c',
                maxTimeMS: 1000,
                let: { min: 2 },
                collation: { locale: 'en' },
                hint: { _id: 1 },
                allowDiskUse: true,
                batchSize: 10,
              },
            )
            .toArray();
          expect(found.map((item) => item._id)).toEqual([2, 3]);
          await items().updateOne(
            { _id: 2 },
            { $set: { seen: true } },
            {
              session,
              comment: 'c',
              let: { a: 1 },
              bypassDocumentValidation: true,
              hint: { _id: 1 },
              collation: { locale: 'en' },
              upsert: false,
            },
          );
          await items()
            .aggregate([{ $match: { qty: 2 } }], { session, comment: 'c', maxTimeMS: 1000 })
            .toArray();
        });
        await items().findOneAndUpdate(
          { _id: 2 },
          { $unset: { seen: '' } },
          {
            writeConcern: { w: 1 },
            maxTimeMS: 1000,
            comment: 'c',
            hint: { _id: 1 },
            arrayFilters: [],
          },
        );
        expect(
          await items().countDocuments({}, { readConcern: { level: 'majority' }, comment: 'c' }),
        ).toBe(3);
      } finally {
        await session.endSession();
      }
    });
  });

  describe('aggregation stages', () => {
    it('refuses unknown and malformed stages before running anything', async () => {
      await expect(
        items()
          .aggregate([{ $match: {} }, { $frobnicate: {} }])
          .toArray(),
      ).rejects.toMatchObject({
        code: 40324,
        message: "Unrecognized pipeline stage name: '$frobnicate'",
      });
      await expect(
        items()
          .aggregate([{ $lookup: { from: 'x', as: 'y', pipeline: [{ $nope: 1 }] } }])
          .toArray(),
      ).rejects.toMatchObject({ code: 40324 });
      await expect(
        items()
          .aggregate([{ $match: {}, $limit: 1 }])
          .toArray(),
      ).rejects.toMatchObject({
        code: 40323,
      });
    });
  });

  describe('collection options', () => {
    it('refuses a capped collection without size', async () => {
      await expect(mongo.db.createCollection('log', { capped: true })).rejects.toMatchObject({
        code: 72,
        codeName: 'InvalidOptions',
      });
    });
  });

  describe('hint', () => {
    it('refuses a hint naming no index', async () => {
      await expect(items().find({}, { hint: 'nope_1' }).toArray()).rejects.toMatchObject({
        code: 2,
        message: expect.stringContaining('hint provided does not correspond to an existing index'),
      });
      await expect(items().countDocuments({}, { hint: { nope: 1 } })).rejects.toMatchObject({
        code: 2,
      });
      await expect(
        items().updateOne({ _id: 1 }, { $set: { qty: 9 } }, { hint: 'nope_1' }),
      ).rejects.toMatchObject({ code: 2 });
      await expect(items().deleteOne({ _id: 1 }, { hint: { nope: 1 } })).rejects.toMatchObject({
        code: 2,
      });
      expect(await items().countDocuments({ _id: 1 })).toBe(1);
    });

    it('refuses a hint naming a hidden index, as the planner cannot use it', async () => {
      await items().createIndex({ qty: 1 }, { hidden: true });
      await expect(items().find({}, { hint: 'qty_1' }).toArray()).rejects.toMatchObject({
        code: 2,
      });
    });

    it('reads through a hinted sparse index, which holds only the documents with the field', async () => {
      const hinted = await items().find({}, { hint: 'sku_sparse' }).sort({ _id: 1 }).toArray();
      expect(hinted.map((item) => item._id)).toEqual([1, 3]);
      expect(await items().countDocuments({}, { hint: { sku: 1 } })).toBe(2);
    });

    it('reads backwards with $natural: -1', async () => {
      const backwards = await items()
        .find({}, { hint: { $natural: -1 } })
        .toArray();
      expect(backwards.map((item) => item._id)).toEqual([3, 2, 1]);
    });
  });
});
