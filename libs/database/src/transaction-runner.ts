import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import mongoose, { ClientSession, Connection } from 'mongoose';
import { Turns } from './turns';

interface TransactionContext {
  session: ClientSession;
}

/**
 * Mongoose keeps the session of `connection.transaction()` in an `AsyncLocalStorage` and gives it
 * to every query, save and aggregate made inside, unless the call names a session itself.
 */
mongoose.set('transactionAsyncLocalStorage', true);

const transactionContext = (
  mongoose as unknown as { transactionAsyncLocalStorage: AsyncLocalStorage<TransactionContext> }
).transactionAsyncLocalStorage;

/** The session of the transaction the caller runs in, for code that uses the driver directly. */
export function currentSession(): ClientSession | undefined {
  return transactionContext.getStore()?.session;
}

/**
 * The unit of work: `transactions.run(() => …)` runs the callback in one MongoDB transaction, and
 * every repository call made inside joins it without being handed anything. A `run` inside a
 * `run` joins the outer transaction. The driver's `withTransaction` retries the whole callback on
 * `TransientTransactionError` (a write conflict) and the commit on
 * `UnknownTransactionCommitResult`, so the callback must be safe to run again; a rerun after a
 * write conflict first waits a little (see {@link retryDelayMs}).
 */
@Injectable()
export class TransactionRunner {
  private readonly turns = new Turns();

  constructor(@InjectConnection() private readonly connection: Connection) {}

  /**
   * With `turn`, the transaction waits for the turn of that name before it starts and keeps it
   * until it ends, so the transactions of this instance that write the same much-written
   * documents (the ledger's shared accounts) queue instead of meeting in write conflicts, each of
   * which throws a whole attempt away. Nothing is held while waiting; a nested `run` joins its
   * outer transaction and ignores the turn.
   */
  async run<T>(work: () => Promise<T>, options: { turn?: string } = {}): Promise<T> {
    if (currentSession()) return work();
    const release = options.turn === undefined ? undefined : await this.turns.take(options.turn);
    try {
      let attempt = 0;
      return await this.connection.transaction(async () => {
        if (attempt > 0) await sleep(retryDelayMs(attempt, Math.random()));
        attempt++;
        return work();
      });
    } finally {
      release?.();
    }
  }
}

/** The first retry waits up to this long, each further one up to twice as long as the one before. */
const RETRY_BASE_MS = 2;
const RETRY_CAP_MS = 100;

/**
 * How long the `retry`th run of a callback waits after a write conflict: a random share
 * (`random` in [0, 1)) of a ceiling doubling per retry, capped. Retried at once, transactions
 * that met on one document (the shop's balance, written by every payment) meet again and again,
 * each attempt's work thrown away; spread out, most get through on the next try. Nothing is held
 * while waiting: a transaction takes its locks with its first write.
 */
export function retryDelayMs(retry: number, random: number): number {
  return Math.floor(random * Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (retry - 1)));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
