import { execFile } from 'child_process';
import mongoose from 'mongoose';
import { join } from 'path';
import { promisify } from 'util';
import { aProduct, productModel } from './product.model';
import { useProductsDatabase } from './products-database';

const run = promisify(execFile);
const REGISTER = join(__dirname, '..', '..', '..', 'tools', 'register.js');
const WRITER_SCRIPT = join(__dirname, 'fixtures', 'insert-writer.ts');

describe('MongoEmulator under concurrency', () => {
  const db = useProductsDatabase('mongoose-concurrency');

  it('gives exactly 60 successes to 100 concurrent conditional decrements of a stock of 60', async () => {
    await db.products.create(aProduct({ _id: 'hot', stock: 60 }));

    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        db.products.updateOne({ _id: 'hot', stock: { $gt: 0 } }, { $inc: { stock: -1 } }),
      ),
    );

    expect(results.filter((result) => result.modifiedCount === 1)).toHaveLength(60);
    expect(await db.products.findById('hot').lean()).toMatchObject({ stock: 0 });
  });

  it('serves two clients at once, each seeing the writes of the other', async () => {
    const other = await mongoose.createConnection(db.uri, { dbName: db.dbName }).asPromise();
    try {
      const otherProducts = productModel(other);
      await Promise.all([
        ...Array.from({ length: 50 }, (_, i) => db.products.create(aProduct({ _id: `mine-${i}` }))),
        ...Array.from({ length: 50 }, (_, i) =>
          otherProducts.create(aProduct({ _id: `theirs-${i}` })),
        ),
      ]);

      expect(await db.products.countDocuments({ _id: /^theirs-/ })).toBe(50);
      expect(await otherProducts.countDocuments({ _id: /^mine-/ })).toBe(50);
    } finally {
      await other.close();
    }
  });

  it('serves a client in another process while this one writes', async () => {
    const child = run(process.execPath, [
      '-r',
      REGISTER,
      WRITER_SCRIPT,
      db.uri,
      db.dbName,
      'products',
      '50',
    ]);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => db.products.create(aProduct({ _id: `local-${i}` }))),
    );
    const { stdout } = await child;

    expect(JSON.parse(stdout)).toEqual({ inserted: 50 });
    expect(await db.products.countDocuments({ _id: /^remote-/ })).toBe(50);
    expect(await db.products.countDocuments({ _id: /^local-/ })).toBe(50);
  });
});
