/** Where Kassa's data lives. */
export interface DatabaseOptions {
  /** Connection string of a MongoDB deployment; absent → the in-process emulator starts. */
  uri?: string;
  /** Database name (overrides any name in the connection string). */
  dbName: string;
  /** Under NODE_ENV=production the emulator is refused: a real MongoDB is required. */
  production: boolean;
}

export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');
export const MONGO_TARGET = Symbol('MONGO_TARGET');
