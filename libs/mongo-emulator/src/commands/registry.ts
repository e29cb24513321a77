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
