import mongoose, { Schema } from 'mongoose';
import type { Collection } from 'mongodb';
import { useEmulatorClient } from './emulator-client';

interface Basket {
  _id: number;
  sizes: number[];
  lines: Array<{ sku: string; qty: number }>;
  nested: { list: number[] };
  a: number;
  b: number;
}

describe('projection operators', () => {
  const mongo = useEmulatorClient('projection-operators');
  const baskets = (): Collection<Basket> => mongo.db.collection<Basket>('baskets');

  beforeEach(async () => {
    await baskets().deleteMany({});
    await baskets().insertOne({
      _id: 1,
      sizes: [4, 8, 9],
      lines: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 2 },
        { sku: 'c', qty: 3 },
      ],
      nested: { list: [1, 2, 3] },
      a: 2,
      b: 3,
    });
  });

  describe('$elemMatch', () => {
    it('returns the first matching plain value', async () => {
      const found = await baskets().findOne(
        { _id: 1 },
        { projection: { sizes: { $elemMatch: { $in: [9, 8] } } } },
      );
      expect(found).toEqual({ _id: 1, sizes: [8] });
    });

    it('tests values with several operators and leaves the field out when none matches', async () => {
      expect(
        await baskets().findOne({}, { projection: { sizes: { $elemMatch: { $gt: 4, $lt: 9 } } } }),
      ).toEqual({ _id: 1, sizes: [8] });
      expect(
        await baskets().findOne({}, { projection: { sizes: { $elemMatch: { $gt: 100 } } } }),
      ).toEqual({ _id: 1 });
    });

    it('returns the first matching document', async () => {
      const found = await baskets().findOne(
        {},
        { projection: { _id: 0, a: 1, lines: { $elemMatch: { qty: { $gte: 2 } } } } },
      );
      expect(found).toEqual({ lines: [{ sku: 'b', qty: 2 }], a: 2 });
    });

    it('projects the document findOneAndUpdate returns', async () => {
      const updated = await baskets().findOneAndUpdate(
        { _id: 1 },
        { $push: { sizes: 12 } },
        { projection: { sizes: { $elemMatch: { $in: [12] } } }, returnDocument: 'after' },
      );
      expect(updated).toEqual({ _id: 1, sizes: [12] });
    });

    it('works through Mongoose findOneAndUpdate with a projection', async () => {
      const connection = await mongoose
        .createConnection(mongo.uri, { dbName: 'projection-operators' })
        .asPromise();
      try {
        const Model = connection.model(
          'Basket',
          new Schema({ _id: Number, sizes: [Number] }),
          'baskets',
        );
        const updated = await Model.findOneAndUpdate(
          { _id: 1 },
          { $addToSet: { sizes: 5 } },
          { new: true, projection: { sizes: { $elemMatch: { $lt: 6, $gt: 4 } } } },
        ).lean();
        expect(updated).toEqual({ _id: 1, sizes: [5] });
      } finally {
        await connection.close();
      }
    });
  });

  it('returns the element the query matched with the positional $', async () => {
    const found = await baskets().findOne(
      { 'lines.sku': 'b' },
      { projection: { 'lines.$': 1, a: 1 } },
    );
    expect(found).toEqual({ _id: 1, lines: [{ sku: 'b', qty: 2 }], a: 2 });
  });

  it('slices a nested array without changing the stored document', async () => {
    expect(
      await baskets().findOne({}, { projection: { 'nested.list': { $slice: -1 }, lines: 0 } }),
    ).toEqual({ _id: 1, sizes: [4, 8, 9], nested: { list: [3] }, a: 2, b: 3 });
    expect((await baskets().findOne({}))?.nested).toEqual({ list: [1, 2, 3] });
  });

  it('computes fields from expressions', async () => {
    expect(
      await baskets().findOne({}, { projection: { _id: 0, total: { $add: ['$a', '$b'] }, a: 1 } }),
    ).toEqual({ a: 2, total: 5 });
  });

  it('refuses to mix inclusion and exclusion', async () => {
    await expect(baskets().findOne({}, { projection: { a: 1, b: 0 } })).rejects.toMatchObject({
      code: 31254,
    });
  });
});
