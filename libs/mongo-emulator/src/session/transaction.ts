import type { Doc } from '../query/values';
import type { Engine } from '../storage/engine';
import type { DocumentChange } from '../storage/oplog';

/** MongoDB's default transactionLifetimeLimitSeconds: older transactions are aborted. */
const TRANSACTION_LIFETIME_MS = 60_000;

export type TransactionState = 'inProgress' | 'committed' | 'aborted';

/** Pending writes of one namespace: id → new document, or null for a deletion. */
export type WriteSet = Map<string, Doc | null>;

/**
 * A multi-document transaction: reads see the committed state as of `snapshotTs` plus the
 * transaction's own pending writes; writes are buffered here and applied at commit. Every
 * document it writes is locked so that a second writer gets a write conflict.
 */
export class Transaction {
  state: TransactionState = 'inProgress';
  readonly snapshotTs: number;
  readonly writes = new Map<string, WriteSet>();
  /** Every write in order, for the oplog at commit (emptied when the transaction ends). */
  readonly changes: DocumentChange[] = [];
  readonly locks: Array<{ release: () => void }> = [];
  /** Resolves when the transaction commits or aborts (plain writes wait on its locks). */
  readonly finished: Promise<void>;
  private markFinished!: () => void;
  private readonly expiry: NodeJS.Timeout;

  constructor(
    readonly txnNumber: number,
    private readonly engine: Engine,
    /** The session's id as the client sent it (`lsid`). */
    readonly lsid: Doc,
  ) {
    this.snapshotTs = engine.openSnapshot(this);
    this.finished = new Promise((resolve) => (this.markFinished = resolve));
    this.expiry = setTimeout(() => this.active && this.finish('aborted'), TRANSACTION_LIFETIME_MS);
    this.expiry.unref();
  }

  get active(): boolean {
    return this.state === 'inProgress';
  }

  writeSet(namespace: string): WriteSet {
    let set = this.writes.get(namespace);
    if (!set) this.writes.set(namespace, (set = new Map()));
    return set;
  }

  finish(state: 'committed' | 'aborted'): void {
    clearTimeout(this.expiry);
    this.state = state;
    for (const lock of this.locks.splice(0)) lock.release();
    if (state === 'aborted') this.writes.clear();
    this.changes.length = 0;
    this.engine.closeSnapshot(this);
    this.markFinished();
  }
}
