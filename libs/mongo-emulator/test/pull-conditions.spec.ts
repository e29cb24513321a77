import mongoose, { Schema, type Connection } from 'mongoose';
import type { Collection, Document, UpdateFilter } from 'mongodb';
import { useEmulatorClient } from './emulator-client';

interface OrderLine {
  sku: string;
  qty: number;
}

interface Cart {
  _id: number;
  lines: OrderLine[];
  sizes: Array<number | string>;
}

/** A `$pull` update; the driver's types do not list `$or`/`$and` conditions it accepts. */
const pull = (conditions: Document): UpdateFilter<Cart> =>
  ({ $pull: conditions }) as UpdateFilter<Cart>;

const OrderSchema = new Schema({
  lines: [new Schema<OrderLine>({ sku: String, qty: Number }, { _id: false })],
});

describe('$pull conditions', () => {
  const mongo = useEmulatorClient('pull-conditions');
  const carts = (): Collection<Cart> => mongo.db.collection<Cart>('carts');

  beforeEach(async () => {
    await carts().deleteMany({});
    await carts().insertOne({
      _id: 1,
      lines: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 2 },
        { sku: 'c', qty: 3 },
      ],
      sizes: [1, 5, 8, 'x'],
    });
  });

  const stored = async () => carts().findOne({ _id: 1 });

  it('removes the elements matching one of the $or clauses', async () => {
    const result = await carts().updateOne(
      { _id: 1 },
      pull({ lines: { $or: [{ sku: 'a' }, { sku: 'c', qty: 3 }] } }),
    );

    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect((await stored())?.lines).toEqual([{ sku: 'b', qty: 2 }]);
  });

  it('removes the elements matching all the $and clauses', async () => {
    await carts().updateOne(
      { _id: 1 },
      pull({ lines: { $and: [{ qty: { $gte: 2 } }, { sku: { $ne: 'c' } }] } }),
    );

    expect((await stored())?.lines).toEqual([
      { sku: 'a', qty: 1 },
      { sku: 'c', qty: 3 },
    ]);
  });

  it('still tests values with field operators and documents with field conditions', async () => {
    await carts().updateOne(
      { _id: 1 },
      pull({ sizes: { $gte: 5 }, lines: { sku: 'b', qty: { $gt: 1 } } }),
    );

    expect(await stored()).toEqual({
      _id: 1,
      lines: [
        { sku: 'a', qty: 1 },
        { sku: 'c', qty: 3 },
      ],
      sizes: [1, 'x'],
    });
  });

  it('reports no modification when no element matches', async () => {
    const result = await carts().updateOne({ _id: 1 }, pull({ lines: { $or: [{ sku: 'z' }] } }));

    expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
  });

  describe('through Mongoose', () => {
    let connection: Connection;

    beforeAll(async () => {
      connection = await mongoose
        .createConnection(mongo.uri, { dbName: 'pull-conditions' })
        .asPromise();
    });

    afterAll(async () => {
      await connection.close();
    });

    it('removes order lines that have no _id', async () => {
      const Order = connection.model('Order', OrderSchema);
      const order = await Order.create({
        lines: [
          { sku: 'a', qty: 1 },
          { sku: 'b', qty: 2 },
          { sku: 'c', qty: 3 },
        ],
      });

      order.lines.pull(order.lines[0], order.lines[2]);
      await order.save();

      const reloaded = await Order.findById(order._id).lean();
      expect(reloaded?.lines).toEqual([{ sku: 'b', qty: 2 }]);
    });
  });
});
