import { MongoNetworkError, MongoNotConnectedError, MongoServerSelectionError } from 'mongodb';

/** Error names of an unreachable database, from the driver and from Mongoose. */
const CONNECTIVITY_ERROR_NAMES = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoTopologyClosedError',
]);

/**
 * True when an operation failed because the database could not be reached (no server to select,
 * a dropped or timed-out connection), as opposed to a refused or faulty operation.
 */
export function isConnectivityError(error: unknown): boolean {
  if (
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    error instanceof MongoNotConnectedError
  ) {
    return true;
  }
  return error instanceof Error && CONNECTIVITY_ERROR_NAMES.has(error.name);
}

/** One line naming why the database could not be reached, safe to log (no credentials). */
export function describeConnectivityError(error: Error): string {
  return `${error.name}: ${error.message.replace(/\/\/[^@/\s]*@/g, '//')}`;
}
