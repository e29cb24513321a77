import { Binary, type Document } from 'bson';
import { commandError, MongoCommandError, transientError } from '../errors';
import { numberOf, type Doc } from '../query/values';
import type { Engine } from '../storage/engine';
import type { CursorRegistry } from './cursors';
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

/** The reaper looks for idle sessions at most this often. */
const REAP_INTERVAL_MS = 60_000;

/**
 * The server's logical sessions. A session idle for longer than `logicalSessionTimeoutMinutes`
 * expires as on MongoDB: its transaction is aborted (releasing its locks) and its cursors are
 * closed. Idle sessions are looked for on a timer and when a command arrives.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();
  private readonly timeoutMs: number;
  private lastReap = Date.now();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly engine: Engine,
    private readonly cursors: CursorRegistry,
    readonly timeoutMinutes: number,
  ) {
    this.timeoutMs = timeoutMinutes * 60_000;
  }

  start(): void {
    this.timer = setInterval(() => this.reapIdle(Date.now()), this.reapIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private get reapIntervalMs(): number {
    return Math.min(this.timeoutMs, REAP_INTERVAL_MS);
  }

  /** Expires the sessions idle for longer than the timeout. */
  reapIdle(now: number): void {
    if (now - this.lastReap < this.reapIntervalMs) return;
    this.lastReap = now;
    for (const session of this.sessions.values())
      if (now - session.lastUsed > this.timeoutMs) this.remove(session);
  }

  private remove(session: Session): void {
    if (session.transaction?.active) session.transaction.finish('aborted');
    this.cursors.closeForSession(session.key);
    this.sessions.delete(session.key);
  }

  /** Marks sessions as used (`refreshSessions`). */
  refresh(lsids: unknown[]): void {
    for (const lsid of lsids) {
      const session = this.sessions.get(sessionKey(lsid) ?? '');
      if (session) session.lastUsed = Date.now();
    }
  }

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
      if (key) this.cursors.closeForSession(key);
      const session = key ? this.sessions.get(key) : undefined;
      if (session) this.remove(session);
    }
  }

  endAll(): void {
    for (const session of this.sessions.values()) this.remove(session);
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
          'TransactionTooOld',
          `Cannot start transaction ${txnNumber} on session because a newer transaction ${session.txnNumber} has already started`,
        );
      }
      if (session.transaction?.active) session.transaction.finish('aborted');
      session.txnNumber = txnNumber;
      session.transaction = new Transaction(txnNumber, this.engine, command.lsid as Doc);
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
