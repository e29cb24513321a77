import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import mongoose, { ClientSession, Connection } from 'mongoose';

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
 * `UnknownTransactionCommitResult`, so the callback must be safe to run again.
 */
@Injectable()
export class TransactionRunner {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    if (currentSession()) return work();
    return this.connection.transaction(() => work());
  }
}
