import mongoose, { Schema, Types } from 'mongoose';
import { Decimal128, Double, Long, type Collection, type Document } from 'mongodb';
import { useEmulatorClient } from './emulator-client';

const decimal = (text: string): Decimal128 => Decimal128.fromString(text);

/** Decimal128 values as strings, everything else as is: `toEqual` on Decimal128 compares bytes. */
function shown(value: unknown): unknown {
  if (value instanceof Decimal128) return `decimal ${value.toString()}`;
  if (Array.isArray(value)) return value.map(shown);
  if (value && typeof value === 'object' && value.constructor === Object)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shown(item)]));
  return value;
}

describe('Decimal128', () => {
  const mongo = useEmulatorClient('decimal128');
  const prices = (): Collection => mongo.db.collection('prices');

  beforeAll(async () => {
    await prices().insertMany([
      { _id: 'd9.99' as never, price: decimal('9.99') },
      { _id: 'd10.00' as never, price: decimal('10.00') },
      { _id: 'd10.50' as never, price: decimal('10.50') },
      { _id: 'int10' as never, price: 10 },
      { _id: 'double10.25' as never, price: 10.25 },
      { _id: 'double9.99' as never, price: 9.99 },
      { _id: 'long11' as never, price: Long.fromNumber(11) },
    ]);
  });

  const idsOf = async (filter: Document): Promise<string[]> =>
    (await prices().find(filter).sort({ _id: 1 }).toArray()).map((doc) => String(doc._id));

  describe('in queries', () => {
    it('compares by value with every numeric type in range queries', async () => {
      expect(await idsOf({ price: { $gte: decimal('10'), $lt: decimal('10.5') } })).toEqual([
        'd10.00',
        'double10.25',
        'int10',
      ]);
      expect(await idsOf({ price: { $gt: 10 } })).toEqual(['d10.50', 'double10.25', 'long11']);
    });

    it('matches equal values whatever their form and type', async () => {
      expect(await idsOf({ price: decimal('10') })).toEqual(['d10.00', 'int10']);
      expect(await idsOf({ price: 10 })).toEqual(['d10.00', 'int10']);
      expect(await idsOf({ price: { $in: [decimal('10.5'), Long.fromNumber(11)] } })).toEqual([
        'd10.50',
        'long11',
      ]);
    });

    it('keeps the double 9.99 apart from the decimal 9.99, as MongoDB compares exactly', async () => {
      expect(await idsOf({ price: 9.99 })).toEqual(['double9.99']);
      expect(await idsOf({ price: decimal('9.99') })).toEqual(['d9.99']);
    });

    it('sorts numerically among other numbers (the double 9.99 is above 9.99)', async () => {
      const sorted = await prices().find().sort({ price: -1, _id: 1 }).toArray();
      expect(sorted.map((doc) => doc._id)).toEqual([
        'long11',
        'd10.50',
        'double10.25',
        'd10.00',
        'int10',
        'double9.99',
        'd9.99',
      ]);
    });

    it('treats 10 and 10.00 as one value in distinct and in a unique index', async () => {
      expect(
        shown(await prices().distinct('price', { _id: { $in: ['d10.00', 'int10'] as never[] } })),
      ).toEqual(['decimal 10.00']);
      const unique = mongo.db.collection('unique-prices');
      await unique.createIndex({ price: 1 }, { unique: true });
      await unique.insertOne({ price: decimal('10.00') });
      await expect(unique.insertOne({ price: decimal('10') })).rejects.toMatchObject({
        code: 11000,
      });
    });
  });

  describe('in updates', () => {
    const accounts = (): Collection => mongo.db.collection('accounts');

    beforeEach(async () => {
      await accounts().deleteMany({});
      await accounts().insertOne({ _id: 1 as never, balance: decimal('0'), count: 2 });
    });

    it('adds exactly with $inc', async () => {
      for (let i = 0; i < 3; i++)
        await accounts().updateOne({ _id: 1 as never }, { $inc: { balance: decimal('0.1') } });
      expect(shown(await accounts().findOne({ _id: 1 as never }))).toEqual({
        _id: 1,
        balance: 'decimal 0.3',
        count: 2,
      });
    });

    it('keeps the exponent MongoDB keeps and promotes other numbers to decimal', async () => {
      await accounts().updateOne(
        { _id: 1 as never },
        {
          $inc: { balance: decimal('1.10'), count: decimal('0.5') },
          $mul: { rate: decimal('2.0') },
        },
      );
      await accounts().updateOne({ _id: 1 as never }, { $mul: { balance: decimal('2.00') } });
      await accounts().updateOne({ _id: 1 as never }, { $max: { count: new Double(2.4) } });
      expect(shown(await accounts().findOne({ _id: 1 as never }))).toEqual({
        _id: 1,
        balance: 'decimal 2.2000',
        count: 'decimal 2.5',
        rate: 'decimal 0.0',
      });
    });
  });

  describe('in aggregation', () => {
    it('sums, averages and finds extremes exactly', async () => {
      const [totals] = await prices()
        .aggregate([
          { $match: { _id: { $in: ['d9.99', 'd10.00', 'd10.50', 'int10'] } } },
          {
            $group: {
              _id: null,
              sum: { $sum: '$price' },
              avg: { $avg: '$price' },
              max: { $max: '$price' },
              min: { $min: '$price' },
            },
          },
        ])
        .toArray();
      expect(shown(totals)).toEqual({
        _id: null,
        sum: 'decimal 40.49',
        avg: 'decimal 10.1225',
        max: 'decimal 10.50',
        min: 'decimal 9.99',
      });
    });

    it('computes $add, $subtract, $multiply and $divide in decimal', async () => {
      const [computed] = await prices()
        .aggregate([
          { $match: { _id: 'd9.99' } },
          {
            $project: {
              _id: 0,
              add: { $add: ['$price', decimal('0.01'), 1] },
              subtract: { $subtract: ['$price', decimal('0.99')] },
              multiply: { $multiply: ['$price', 3] },
              divide: { $divide: ['$price', decimal('3')] },
              greater: { $gt: ['$price', 9.98] },
            },
          },
        ])
        .toArray();
      expect(shown(computed)).toEqual({
        add: 'decimal 11.00',
        subtract: 'decimal 9.00',
        multiply: 'decimal 29.97',
        divide: 'decimal 3.33',
        greater: true,
      });
    });

    it('groups equal values of different forms together and sorts them numerically', async () => {
      const groups = await prices()
        .aggregate([
          { $group: { _id: '$price', n: { $sum: 1 } } },
          { $sort: { _id: 1 } },
          { $limit: 3 },
        ])
        .toArray();
      expect(shown(groups)).toEqual([
        { _id: 'decimal 9.99', n: 1 },
        { _id: 9.99, n: 1 },
        { _id: 'decimal 10.00', n: 2 },
      ]);
    });
  });

  describe('through Mongoose', () => {
    const LedgerSchema = new Schema({ amount: { type: Schema.Types.Decimal128, required: true } });

    it('finds by range and increments exactly', async () => {
      const connection = await mongoose
        .createConnection(mongo.uri, { dbName: 'decimal128' })
        .asPromise();
      try {
        const Ledger = connection.model('Ledger', LedgerSchema);
        const entry = await Ledger.create({ amount: '19.99' });
        await Ledger.create({ amount: '5' });

        expect(await Ledger.countDocuments({ amount: { $gt: '10' } })).toBe(1);
        await Ledger.updateOne({ _id: entry._id }, { $inc: { amount: '0.01' } });
        const updated = await Ledger.findById(entry._id).lean();
        expect((updated?.amount as Types.Decimal128).toString()).toBe('20.00');
      } finally {
        await connection.close();
      }
    });
  });
});
