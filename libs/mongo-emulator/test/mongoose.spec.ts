import { Schema, Types } from 'mongoose';
import { Binary, Decimal128, Long, ObjectId, UUID } from 'mongodb';
import { aProduct } from './product.model';
import { useProductsDatabase } from './products-database';

interface TypedValues {
  ref: Types.ObjectId;
  at: Date;
  amount: Types.Decimal128;
  token: Types.UUID;
  big: bigint;
}

const TypedValuesSchema = new Schema<TypedValues>({
  ref: { type: Schema.Types.ObjectId, required: true },
  at: { type: Date, required: true },
  amount: { type: Schema.Types.Decimal128, required: true },
  token: { type: Schema.Types.UUID, required: true },
  big: { type: BigInt, required: true },
});

describe('MongoEmulator through Mongoose', () => {
  const db = useProductsDatabase('mongoose-crud');

  describe('CRUD through a schema model', () => {
    it('creates and reads back a document with its defaults and timestamps', async () => {
      await db.products.create(aProduct({ _id: 'mug', name: 'Mug' }));

      const stored = await db.products.findById('mug').lean();

      expect(stored).toMatchObject({ _id: 'mug', name: 'Mug', stock: 10, tags: [] });
      expect(stored?.createdAt).toBeInstanceOf(Date);
    });

    it('finds with a filter, sort, skip and limit', async () => {
      await db.products.insertMany([
        aProduct({ name: 'A', priceCents: 300 }),
        aProduct({ name: 'B', priceCents: 100 }),
        aProduct({ name: 'C', priceCents: 200 }),
        aProduct({ name: 'D', priceCents: 50, stock: 0 }),
      ]);

      const names = await db.products
        .find({ stock: { $gt: 0 } })
        .sort({ priceCents: -1 })
        .skip(1)
        .limit(2)
        .lean();

      expect(names.map((product) => product.name)).toEqual(['C', 'B']);
    });

    it('updates with operators and returns the new document', async () => {
      await db.products.create(aProduct({ _id: 'cup', stock: 5 }));

      const updated = await db.products
        .findOneAndUpdate(
          { _id: 'cup' },
          { $inc: { stock: 2 }, $push: { tags: 'sale' } },
          { new: true },
        )
        .lean();

      expect(updated).toMatchObject({ stock: 7, tags: ['sale'] });
    });

    it('deletes a document', async () => {
      await db.products.create(aProduct({ _id: 'gone' }));

      const result = await db.products.deleteOne({ _id: 'gone' });

      expect(result.deletedCount).toBe(1);
      expect(await db.products.countDocuments({ _id: 'gone' })).toBe(0);
    });

    it('runs an aggregation', async () => {
      await db.products.insertMany([aProduct({ stock: 3 }), aProduct({ stock: 4 })]);

      const [total] = await db.products.aggregate([
        { $group: { _id: null, stock: { $sum: '$stock' } } },
      ]);

      expect(total.stock).toBe(7);
    });
  });

  describe('unique index', () => {
    it('rejects a duplicate key with code 11000 and the offending key value', async () => {
      await db.products.create(aProduct({ _id: 'first', sku: 'DUP-1' }));

      const error = await db.products
        .create(aProduct({ _id: 'second', sku: 'DUP-1' }))
        .catch((e) => e);

      expect(error.code).toBe(11000);
      expect(error.keyValue).toEqual({ sku: 'DUP-1' });
      expect(await db.products.countDocuments({ sku: 'DUP-1' })).toBe(1);
    });
  });

  describe('BSON types', () => {
    it('round-trips ObjectId, Date, Decimal128, UUID and Long', async () => {
      const typed = db.connection.model<TypedValues>('TypedValues', TypedValuesSchema);
      const values = {
        ref: new Types.ObjectId(),
        at: new Date('2024-02-29T12:34:56.789Z'),
        amount: Types.Decimal128.fromString('12345678901234567890.123456789'),
        token: new UUID(),
        big: 9007199254740993n,
      };
      const created = await typed.create(values);

      const lean = await typed.findById(created._id).lean();
      const raw = await db.connection
        .collection('typedvalues')
        .findOne({ _id: created._id }, { promoteLongs: false });

      expect(lean?.ref.toHexString()).toBe(values.ref.toHexString());
      expect(lean?.at.toISOString()).toBe(values.at.toISOString());
      expect(lean?.amount.toString()).toBe('12345678901234567890.123456789');
      expect(raw?.ref).toBeInstanceOf(ObjectId);
      expect(raw?.amount).toBeInstanceOf(Decimal128);
      expect(raw?.token).toBeInstanceOf(Binary);
      expect((raw?.token as Binary).sub_type).toBe(Binary.SUBTYPE_UUID);
      expect(new UUID((raw?.token as Binary).buffer).toHexString()).toBe(
        values.token.toHexString(),
      );
      expect(raw?.big).toBeInstanceOf(Long);
      expect((raw?.big as Long).toString()).toBe('9007199254740993');
    });
  });
});
