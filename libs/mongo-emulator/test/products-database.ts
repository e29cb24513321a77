import mongoose, { Connection, Model } from 'mongoose';
import { Product, productModel } from './product.model';
import { startTestDatabase, TestDatabase } from './test-database';

/** A spec file's own database, reached through Mongoose, with its `products` model. */
export interface ProductsDatabase {
  uri: string;
  dbName: string;
  connection: Connection;
  products: Model<Product>;
}

/**
 * Registers the hooks of a spec file that works on products: connect before all tests, empty the
 * collection before each, drop the database and stop the server after all.
 */
export function useProductsDatabase(prefix: string): ProductsDatabase {
  const db = {} as ProductsDatabase;
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    database = await startTestDatabase(prefix);
    db.uri = database.uri;
    db.dbName = database.dbName;
    db.connection = await mongoose
      .createConnection(database.uri, { dbName: database.dbName })
      .asPromise();
    db.products = productModel(db.connection);
    await db.products.init();
  });

  afterAll(async () => {
    await db.connection?.dropDatabase();
    await db.connection?.close();
    await database?.stop();
  });

  beforeEach(() => db.products.deleteMany({}));

  return db;
}
