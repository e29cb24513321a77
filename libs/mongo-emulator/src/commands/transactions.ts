import type { Document } from 'bson';
import { MongoCommandError, transientError } from '../errors';
import { commitTransaction } from '../session/commit';
import type { CommandContext } from './context';
import type { CommandTable } from './types';

function currentTransaction(context: CommandContext) {
  const txn = context.txn;
  if (!txn) throw transientError('NoSuchTransaction', 'Transaction was not started');
  return txn;
}

function commit(context: CommandContext): Document {
  const txn = currentTransaction(context);
  if (txn.state === 'committed') return { ok: 1 };
  if (txn.state === 'aborted')
    throw transientError(
      'NoSuchTransaction',
      `Transaction with { txnNumber: ${txn.txnNumber} } has been aborted.`,
    );
  commitTransaction(context.engine, txn);
  return { ok: 1 };
}

function abort(context: CommandContext): Document {
  const txn = currentTransaction(context);
  if (txn.state === 'committed')
    throw new MongoCommandError(
      'TransactionCommitted',
      `Transaction with { txnNumber: ${txn.txnNumber} } has been committed.`,
    );
  if (txn.state === 'aborted')
    throw transientError(
      'NoSuchTransaction',
      `Transaction with { txnNumber: ${txn.txnNumber} } has been aborted.`,
    );
  txn.finish('aborted');
  return { ok: 1 };
}

export const transactionCommands: CommandTable = {
  commitTransaction: commit,
  abortTransaction: abort,
};
