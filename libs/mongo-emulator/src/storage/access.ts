import { commandError, MongoCommandError, transientError } from '../errors';
import { runPipeline } from '../query/aggregation/engine';
import type { Equality } from '../query/matcher';
import type { UpdateDescription } from '../query/update/update-description';
import { canonicalKey, formatValue, toView, type Doc } from '../query/values';
import type { Transaction } from '../session/transaction';
import { ID_INDEX_NAME, type Collection } from './collection';
import type { Engine } from './engine';
import {
  deleteChange,
  insertChange,
  recordsImages,
  rewriteChange,
  type DocumentChange,
} from './oplog';

export interface DocEntry {
  id: string;
  doc: Doc;
  view: Doc;
}

/** Thrown by a plain write that touches a document a running transaction holds. */
export class LockedByTransaction extends Error {
  constructor(readonly waitFor: Promise<void>) {
    super('document locked by a transaction');
  }
}

export function writeConflict(): Error {
  return transientError(
    'WriteConflict',
    'Write conflict during plan execution and yielding is disabled. :: Please retry your operation or multi-document transaction.',
  );
}

/**
 * Reads and writes one collection either directly (committed immediately with a new clock
 * tick) or inside a transaction (snapshot reads + buffered, locked writes).
 */
export class CollectionAccess {
  constructor(
    private readonly engine: Engine,
    readonly db: string,
    readonly name: string,
    private readonly txn?: Transaction,
    private readonly lockWaiter?: (owner: object) => Promise<void>,
  ) {}

  get namespace(): string {
    return `${this.db}.${this.name}`;
  }

  get collection(): Collection | undefined {
    return this.engine.collection(this.db, this.name);
  }

  get inTransaction(): boolean {
    return this.txn !== undefined;
  }

  exists(): boolean {
    return this.collection !== undefined || (this.txn?.writes.has(this.namespace) ?? false);
  }

  get(id: string): Doc | undefined {
    const pending = this.txn?.writes.get(this.namespace);
    if (pending?.has(id)) return pending.get(id) ?? undefined;
    const collection = this.collection;
    if (!collection) return undefined;
    return this.txn
      ? (collection.at(id, this.txn.snapshotTs)?.doc ?? undefined)
      : collection.latest(id);
  }

  private entry(id: string): DocEntry | undefined {
    const pending = this.txn?.writes.get(this.namespace);
    if (pending?.has(id)) {
      const doc = pending.get(id);
      return doc ? { id, doc, view: toView(doc) as Doc } : undefined;
    }
    const collection = this.collection;
    const version =
      collection && (this.txn ? collection.at(id, this.txn.snapshotTs) : collection.head(id));
    return version?.doc ? { id, doc: version.doc, view: version.view! } : undefined;
  }

  get isView(): boolean {
    return typeof this.collection?.options.viewOn === 'string';
  }

  /** Documents in natural order, restricted to `equality` candidates when an index allows. */
  *entries(equality?: Equality): IterableIterator<DocEntry> {
    const collection = this.collection;
    if (this.isView) {
      yield* this.viewEntries(collection!);
      return;
    }
    const pending = this.txn?.writes.get(this.namespace);
    const candidates = equality
      ? collection?.lookup(equality.field, equality.values, equality.collation)
      : undefined;
    if (equality && (candidates || !collection)) {
      const ids = new Set(candidates ?? []);
      if (equality.field === '_id')
        for (const value of equality.values) ids.add(canonicalKey(value));
      else for (const id of pending?.keys() ?? []) ids.add(id);
      if (this.txn && collection && collection.lastWriteTs > this.txn.snapshotTs) {
        for (const id of collection.idsWithHistory()) ids.add(id);
      }
      for (const id of ids) {
        const entry = this.entry(id);
        if (entry) yield entry;
      }
      return;
    }
    if (!this.txn) {
      if (collection)
        for (const [id, version] of collection.liveVersions())
          yield { id, doc: version.doc!, view: version.view! };
      return;
    }
    if (collection) {
      for (const id of collection.docs.keys()) {
        const entry = this.entry(id);
        if (entry) yield entry;
      }
    }
    for (const id of pending?.keys() ?? []) {
      if (collection?.docs.has(id)) continue;
      const entry = this.entry(id);
      if (entry) yield entry;
    }
  }

  /** A view's documents: its pipeline run over the collection (or view) it is defined on. */
  private viewEntries(view: Collection): DocEntry[] {
    const source = new CollectionAccess(
      this.engine,
      this.db,
      String(view.options.viewOn),
      this.txn,
      this.lockWaiter,
    );
    const pipeline = Array.isArray(view.options.pipeline) ? (view.options.pipeline as Doc[]) : [];
    const input = [...source.entries()].map((entry) => entry.view);
    return runPipeline(pipeline, input).map((doc, index) => ({
      id: `view:${index}`,
      doc,
      view: toView(doc) as Doc,
    }));
  }

  private assertNotView(): void {
    if (this.isView)
      throw new MongoCommandError(
        'CommandNotSupportedOnView',
        `Namespace ${this.namespace} is a view, not a collection`,
      );
  }

  insert(doc: Doc): void {
    this.assertNotView();
    const id = canonicalKey(doc._id);
    const change = insertChange(this.db, this.name, doc);
    if (this.txn) return this.insertInTransaction(id, doc, change);
    const collection = this.engine.ensureCollection(this.db, this.name);
    this.assertUnlocked(collection, id);
    if (collection.latest(id)) throw idDuplicate(collection.namespace, doc);
    collection.checkUnique(doc, id);
    this.commit(collection, id, doc, change);
  }

  /** Replaces a document; given how an update changed it, the oplog records an update. */
  replace(id: string, doc: Doc, update?: UpdateDescription): void {
    this.assertNotView();
    const images = recordsImages(this.collection?.options);
    const before = images ? this.get(id) : undefined;
    const change = rewriteChange(this.db, this.name, images, before, doc, update);
    if (this.txn) return this.writeInTransaction(id, doc, change);
    const collection = this.engine.ensureCollection(this.db, this.name);
    this.assertUnlocked(collection, id);
    collection.checkUnique(doc, id);
    this.commit(collection, id, doc, change);
  }

  remove(id: string): void {
    this.assertNotView();
    const before = this.get(id);
    const images = recordsImages(this.collection?.options);
    const change = before && deleteChange(this.db, this.name, images, before);
    if (this.txn) return this.writeInTransaction(id, null, change);
    const collection = this.collection;
    if (!collection) return;
    this.assertUnlocked(collection, id);
    this.commit(collection, id, null, change);
  }

  /** Writes with a new clock tick and records the change in the oplog at that tick. */
  private commit(collection: Collection, id: string, doc: Doc | null, change?: DocumentChange) {
    const tick = this.engine.tick();
    collection.write(id, doc, tick);
    if (change) this.engine.oplog.append(tick, change);
  }

  /** Lets a plain multi-document write wait for transaction locks before it changes anything. */
  assertWritable(ids: string[]): void {
    const collection = this.collection;
    if (this.txn || !collection || collection.locks.size === 0) return;
    for (const id of ids) this.assertUnlocked(collection, id);
  }

  private assertUnlocked(collection: Collection, id: string): void {
    const owner = collection.locks.get(id);
    if (owner && this.lockWaiter) throw new LockedByTransaction(this.lockWaiter(owner));
  }

  private insertInTransaction(id: string, doc: Doc, change: DocumentChange): void {
    if (this.get(id)) throw idDuplicate(this.namespace, doc);
    this.writeInTransaction(id, doc, change);
  }

  /** Buffers the write; its change reaches the oplog when the transaction commits. */
  private writeInTransaction(id: string, doc: Doc | null, change?: DocumentChange): void {
    const txn = this.txn!;
    const pending = txn.writeSet(this.namespace);
    const collection = this.collection;
    if (!pending.has(id) && collection) {
      const owner = collection.locks.get(id);
      const head = collection.head(id);
      if ((owner && owner !== txn) || (head && head.ts > txn.snapshotTs)) throw writeConflict();
    }
    if (doc) this.checkUniqueInTransaction(id, doc, pending);
    if (collection && !collection.locks.has(id)) {
      collection.locks.set(id, txn);
      txn.locks.push({
        release: () => collection.locks.get(id) === txn && collection.locks.delete(id),
      });
    }
    pending.delete(id);
    pending.set(id, doc);
    if (change) txn.changes.push(change);
  }

  private checkUniqueInTransaction(id: string, doc: Doc, pending: Map<string, Doc | null>): void {
    const collection = this.collection;
    if (!collection) return;
    for (const index of collection.indexes.values()) {
      if (!index.unique) continue;
      for (const holder of index.holdersOfKeys(doc)) {
        if (holder === id) continue;
        const seen = this.get(holder);
        if (seen && index.sharesKey(seen, doc)) throw index.duplicateKeyError(doc);
        if (!pending.has(holder)) throw writeConflict();
      }
      for (const [otherId, other] of pending) {
        if (otherId !== id && other && index.sharesKey(other, doc))
          throw index.duplicateKeyError(doc);
      }
    }
  }
}

export function idDuplicate(namespace: string, doc: Doc): Error {
  return commandError(
    'DuplicateKey',
    `E11000 duplicate key error collection: ${namespace} index: ${ID_INDEX_NAME} dup key: { _id: ${formatValue(doc._id)} }`,
    {
      keyPattern: { _id: 1 },
      keyValue: { _id: doc._id },
    },
  );
}
