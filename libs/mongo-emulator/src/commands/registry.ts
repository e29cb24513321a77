import { MongoCommandError } from '../errors';
import { adminCommands } from './admin';
import { aggregateCommands } from './aggregate';
import { readCommands } from './crud-read';
import { writeCommands } from './crud-write';
import { explainCommands } from './explain';
import { failPointCommands } from './failpoints';
import { findAndModifyCommands } from './find-and-modify';
import { handshakeCommands } from './handshake';
import { indexCommands } from './indexes';
import { transactionCommands } from './transactions';
import type { CommandTable } from './types';

export const commandTable: CommandTable = {
  ...handshakeCommands,
  ...adminCommands,
  ...readCommands,
  ...writeCommands,
  ...findAndModifyCommands,
  ...aggregateCommands,
  ...indexCommands,
  ...transactionCommands,
  ...failPointCommands,
  ...explainCommands,
};

/** Write commands whose effect a retry with the same lsid + txnNumber must not repeat. */
export const RETRYABLE_WRITES = new Set([
  'insert',
  'update',
  'delete',
  'findAndModify',
  'findandmodify',
]);

export const TRANSACTION_CONTROL = new Set(['commitTransaction', 'abortTransaction']);

/** The commands MongoDB 7.0 runs inside a multi-document transaction. */
const IN_TRANSACTION = new Set([
  ...TRANSACTION_CONTROL,
  ...RETRYABLE_WRITES,
  'find',
  'getMore',
  'killCursors',
  'aggregate',
  'distinct',
  'create',
  'createIndexes',
]);

/** Refuses, as 7.0 does, a command that a multi-document transaction cannot run. */
export function assertAllowedInTransaction(name: string, db: string): void {
  if (name === 'count')
    throw new MongoCommandError(
      'OperationNotSupportedInTransaction',
      "Cannot run 'count' in a multi-document transaction. Please see http://dochub.mongodb.org/core/transaction-count for a recommended alternative.",
    );
  if (!IN_TRANSACTION.has(name))
    throw new MongoCommandError(
      'OperationNotSupportedInTransaction',
      `Cannot run '${name}' in a multi-document transaction.`,
    );
  if (['admin', 'config', 'local'].includes(db) && !TRANSACTION_CONTROL.has(name))
    throw new MongoCommandError(
      'OperationNotSupportedInTransaction',
      `Cannot run command against the '${db}' database in a transaction.`,
    );
}
