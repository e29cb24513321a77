import type { Document } from 'bson';
import { ErrorCodes, MongoCommandError, RETRYABLE_ERROR_NAMES, toCommandError } from '../errors';
import type { FailCommandData } from '../failpoints';
import { normalizeIncoming, numberOf, type Doc } from '../query/values';
import type { EmulatorState } from '../state';
import { CommandContext, type ConnectionInfo } from './context';
import { assertKnownCommandFields } from './known-fields';
import {
  assertAllowedInTransaction,
  commandTable,
  RETRYABLE_WRITES,
  TRANSACTION_CONTROL,
} from './registry';

/** Codes after which a retryable write may be retried (the retryable writes specification). */
const RETRYABLE_CODES = new Set<number>(RETRYABLE_ERROR_NAMES.map((name) => ErrorCodes[name]));

function retryableWriteLabel(name: string, command: Document, code: number): string[] {
  const retryable =
    (RETRYABLE_WRITES.has(name) && command.txnNumber !== undefined) ||
    TRANSACTION_CONTROL.has(name);
  return retryable && RETRYABLE_CODES.has(code) ? ['RetryableWriteError'] : [];
}

function namespaceOf(db: string, name: string, command: Document): string {
  const target = command[name];
  return typeof target === 'string' ? `${db}.${target}` : `${db}.$cmd`;
}

/** A one-node replica set cannot acknowledge `w` greater than 1. */
function unsatisfiableWriteConcern(command: Document): Doc | undefined {
  const w = (command.writeConcern as Doc | undefined)?.w;
  if (w === undefined || typeof w === 'string' || numberOf(w) <= 1) return undefined;
  const { code, codeName, message } = new MongoCommandError(
    'UnsatisfiableWriteConcern',
    'Not enough data-bearing nodes',
  );
  return { code, codeName, errmsg: message };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withClusterTime(state: EmulatorState, reply: Document): Document {
  reply.$clusterTime = state.clusterTime();
  reply.operationTime = state.operationTime();
  return reply;
}

function failPointError(name: string, command: Document, data: FailCommandData): Document {
  const code = data.errorCode!;
  const error = new MongoCommandError(
    code,
    data.errmsg ?? "Failing command via 'failCommand' failpoint",
    {},
    data.errorLabels ?? retryableWriteLabel(name, command, code),
  );
  return error.toReply();
}

/**
 * Runs one command: fail points, session and transaction bookkeeping, retryable-write replay,
 * the handler itself, and the cluster time every reply carries. Returns undefined when the
 * connection must be dropped without an answer.
 */
export async function dispatchCommand(
  state: EmulatorState,
  connection: ConnectionInfo,
  raw: Document,
): Promise<Document | undefined> {
  const command = normalizeIncoming(raw) as Document;
  const name = Object.keys(command)[0];
  const db = typeof command.$db === 'string' ? command.$db : 'admin';
  const handler = commandTable[name];
  if (!handler)
    return withClusterTime(
      state,
      new MongoCommandError('CommandNotFound', `no such command: '${name}'`).toReply(),
    );
  const failure = state.failPoints.trigger(
    name,
    connection.appName,
    namespaceOf(db, name, command),
  );
  if (failure?.blockConnection) await sleep(failure.blockTimeMS ?? 0);
  if (failure?.closeConnection) {
    connection.close();
    return undefined;
  }
  if (failure?.errorCode !== undefined)
    return withClusterTime(state, failPointError(name, command, failure));
  const reply = await execute(state, connection, db, name, command);
  const unsatisfiable = unsatisfiableWriteConcern(command);
  if (unsatisfiable && reply.ok === 1) reply.writeConcernError = unsatisfiable;
  if (failure?.writeConcernError) {
    const { errorLabels, ...writeConcernError } = failure.writeConcernError as Doc;
    reply.writeConcernError = writeConcernError;
    const labels =
      (errorLabels as string[] | undefined) ??
      retryableWriteLabel(name, command, numberOf(writeConcernError.code));
    if (labels.length > 0) reply.errorLabels = labels;
  }
  return withClusterTime(state, reply);
}

async function execute(
  state: EmulatorState,
  connection: ConnectionInfo,
  db: string,
  name: string,
  command: Document,
): Promise<Document> {
  state.sessions.reapIdle(Date.now());
  const session = state.sessions.get(command.lsid);
  let txn;
  try {
    txn = state.sessions.transactionFor(session, command);
    if (txn && !TRANSACTION_CONTROL.has(name) && txn.state !== 'inProgress') {
      if (txn.state === 'committed')
        throw new MongoCommandError(
          'TransactionCommitted',
          `Transaction with { txnNumber: ${txn.txnNumber} } has been committed.`,
        );
      throw new MongoCommandError(
        'NoSuchTransaction',
        `Transaction with { txnNumber: ${txn.txnNumber} } has been aborted.`,
        {},
        ['TransientTransactionError'],
      );
    }
  } catch (error) {
    return toCommandError(error, state.logger).toReply();
  }
  const retryKey =
    !txn && session && command.txnNumber !== undefined && RETRYABLE_WRITES.has(name)
      ? numberOf(command.txnNumber)
      : undefined;
  if (retryKey !== undefined) {
    const previous = session!.retryResults.get(retryKey);
    if (previous) return { ...previous };
    if (retryKey > session!.txnNumber) session!.txnNumber = retryKey;
  }
  try {
    if (txn) assertAllowedInTransaction(name, db);
    assertKnownCommandFields(name, command);
    const reply = await commandTable[name](
      new CommandContext(state, connection, db, name, command, session, txn),
    );
    if (retryKey !== undefined) session!.rememberRetryResult(retryKey, { ...reply });
    return reply;
  } catch (error) {
    const failure = toCommandError(error, state.logger);
    if (txn?.active && !TRANSACTION_CONTROL.has(name)) txn.finish('aborted');
    return failure.toReply();
  }
}
