import { Binary, type Document } from 'bson';
import { commandError, MongoCommandError, transientError } from '../errors';
import { numberOf } from '../query/values';
import type { Engine } from '../storage/engine';
import { Transaction } from './transaction';

const RETRY_HISTORY = 32;

/** Server-side state of one logical session (lsid): its transaction and retryable-write results. */
export class Session {
  txnNumber = -1;
  transaction?: Transaction;
  readonly retryResults = new Map<number, Document>();
  lastUsed = Date.now();

  constructor(readonly key: string) {}

  rememberRetryResult(txnNumber: number, reply: Document): void {
    this.retryResults.set(txnNumber, reply);
    if (this.retryResults.size > RETRY_HISTORY)
      this.retryResults.delete(this.retryResults.keys().next().value as number);
  }
}

export function sessionKey(lsid: unknown): string | undefined {
  const id = (lsid as { id?: unknown } | undefined)?.id;
  if (id instanceof Binary)
    return Buffer.from(id.buffer.buffer, id.buffer.byteOffset, id.position).toString('hex');
  return undefined;
}

export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly engine: Engine) {}

  get(lsid: unknown): Session | undefined {
    const key = sessionKey(lsid);
    if (!key) return undefined;
    let session = this.sessions.get(key);
    if (!session) this.sessions.set(key, (session = new Session(key)));
    session.lastUsed = Date.now();
    return session;
  }

  end(lsids: unknown[]): void {
    for (const lsid of lsids) {
      const key = sessionKey(lsid);
      if (!key) continue;
      const session = this.sessions.get(key);
      if (session?.transaction?.active) session.transaction.finish('aborted');
      this.sessions.delete(key);
    }
  }

  endAll(): void {
    for (const session of this.sessions.values())
      if (session.transaction?.active) session.transaction.finish('aborted');
    this.sessions.clear();
  }

  /**
   * Resolves the transaction a command runs in (starting one on `startTransaction`), or
   * undefined for a command outside any transaction.
   */
  transactionFor(session: Session | undefined, command: Document): Transaction | undefined {
    if (command.autocommit === undefined) return undefined;
    if (!session) throw commandError('InvalidOptions', 'Transaction requires a session');
    if (command.txnNumber === undefined)
      throw commandError('InvalidOptions', 'Transaction requires a txnNumber');
    const txnNumber = numberOf(command.txnNumber);
    if (command.startTransaction === true) {
      if (
        txnNumber < session.txnNumber ||
        (txnNumber === session.txnNumber && session.transaction)
      ) {
        throw new MongoCommandError(
          225,
          `Cannot start transaction ${txnNumber} on session because a newer transaction ${session.txnNumber} has already started`,
        );
      }
      if (session.transaction?.active) session.transaction.finish('aborted');
      session.txnNumber = txnNumber;
      session.transaction = new Transaction(txnNumber, this.engine);
      return session.transaction;
    }
    const transaction = session.transaction;
    if (!transaction || session.txnNumber !== txnNumber) {
      throw transientError(
        'NoSuchTransaction',
        `Given transaction number ${txnNumber} does not match any in-progress transactions. The active transaction number is ${session.txnNumber}`,
      );
    }
    return transaction;
  }
}
