import type { Document } from 'bson';
import { MongoCommandError, toCommandError } from '../errors';
import { LockedByTransaction } from '../storage/access';
import type { CommandContext } from './context';

/** The most operations one write command takes (`maxWriteBatchSize` in `hello`). */
export const MAX_BATCH = 100_000;
const LOCK_WAIT_MS = 30_000;

export function batchOf(context: CommandContext, field: string): unknown[] {
  const items = context.command[field];
  if (!Array.isArray(items))
    throw new MongoCommandError(
      'TypeMismatch',
      `BSON field '${context.name}.${field}' is missing but a required field`,
    );
  if (items.length === 0 || items.length > MAX_BATCH) {
    throw new MongoCommandError(
      'InvalidLength',
      `Write batch sizes must be between 1 and ${MAX_BATCH}. Got ${items.length} operations.`,
    );
  }
  return items;
}

/**
 * Runs `operation`, and when it touches a document held by a running transaction waits for
 * that transaction to end and tries again (MongoDB blocks such writes the same way).
 */
export async function withLockWait<T>(operation: () => T): Promise<T> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      return operation();
    } catch (error) {
      if (!(error instanceof LockedByTransaction)) throw error;
      const remaining = deadline - Date.now();
      if (remaining <= 0)
        throw new MongoCommandError('MaxTimeMSExpired', 'operation exceeded time limit');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        error.waitFor,
        new Promise((resolve) => (timer = setTimeout(resolve, remaining))),
      ]);
      clearTimeout(timer);
    }
  }
}

/**
 * Runs the statements of a write command in order, collecting `writeErrors`; an ordered batch
 * stops at the first error. Inside a transaction an error ends the batch as a command error.
 */
export async function runWriteBatch(
  context: CommandContext,
  items: unknown[],
  apply: (item: unknown, index: number) => void,
): Promise<Document[]> {
  const ordered = context.command.ordered !== false;
  const writeErrors: Document[] = [];
  for (let index = 0; index < items.length; index++) {
    try {
      await withLockWait(() => apply(items[index], index));
    } catch (error) {
      const failure = toCommandError(error, context.state.logger);
      if (context.txn || failure.errorLabels.length > 0) throw failure;
      writeErrors.push(failure.toWriteError(index));
      if (ordered) break;
    }
  }
  return writeErrors;
}
