import { Migration } from '@kassa/database';

interface StoredOrder {
  _id: string;
  lines: { quantity: number; returnableQuantity?: number; returnedQuantity?: number }[];
}

/**
 * Orders placed before returns existed lack the counters returns keep: every unit bought is
 * still returnable, none returned, nothing refunded.
 */
export const orderReturnCounters: Migration = {
  id: '202611301000-order-return-counters',
  description:
    'Gives orders without them their return counters: all units returnable, none refunded',
  async up(db) {
    const orders = db.collection<StoredOrder>('orders');
    const missing = { 'lines.returnableQuantity': { $exists: false } };
    for await (const order of orders.find(missing, { projection: { lines: 1 } })) {
      const lines = order.lines.map((line) => ({
        ...line,
        returnableQuantity: line.returnableQuantity ?? line.quantity,
        returnedQuantity: line.returnedQuantity ?? 0,
      }));
      await orders.updateOne({ _id: order._id, ...missing }, { $set: { lines } });
    }
    await orders.updateMany(
      { refundedCents: { $exists: false } },
      { $set: { refundedCents: 0, refundedQuantity: 0 } },
    );
  },
};
