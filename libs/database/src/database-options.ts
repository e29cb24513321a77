/** Where Kassa's data lives. */
export interface DatabaseOptions {
  /** Connection string of a MongoDB deployment; absent → the in-process emulator starts. */
  uri?: string;
  /** Database name (overrides any name in the connection string). */
  dbName: string;
  /** Under NODE_ENV=production the emulator is refused: a real MongoDB is required. */
  production: boolean;
  /**
   * How long an operation waits for a reachable server before it fails (and the API answers
   * 503): the database being gone costs a client seconds, not the driver's default 30 s.
   */
  serverSelectionTimeoutMs: number;
  /** Connection attempts at start-up beyond the first (the seed command makes none). */
  connectRetries: number;
}

export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');
export const MONGO_TARGET = Symbol('MONGO_TARGET');
