import { commandError, MongoCommandError, transientError } from '../errors';
import { runPipeline } from '../query/aggregation/engine';
import type { UpdateDescription } from '../query/update/update-description';
import { canonicalKey, formatValue, toView, type Doc } from '../query/values';
import type { Transaction } from '../session/transaction';
import { ID_INDEX_NAME, type Collection } from './collection';
import type { Engine } from './engine';
import type { Index, KeyBox } from './index';
import {
  deleteChange,
  insertChange,
  recordsImages,
  rewriteChange,
  type DocumentChange,
} from './oplog';
import {
  deltaKeysIn,
  mergeKeys,
  PROVISIONAL_RECORD_IDS,
  provisionalRecordId,
  readerDeltaOf,
  type DocEntry,
  type ReaderDelta,
  type ScanKey,
} from './reader-delta';

export type { DocEntry, ScanKey } from './reader-delta';

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
 * tick) or inside a transaction (snapshot reads + buffered, locked writes). Reads come in three
 * shapes the query executor combines: a scan in natural order, a lookup by `_id`, and a walk of
 * index keys, which for a transaction merges the committed keys with those of its delta.
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
    return this.entryById(id)?.doc;
  }

  /** The document with this canonical `_id` as this reader sees it. */
  entryById(id: string): DocEntry | undefined {
    const pending = this.txn?.writes.get(this.namespace);
    const collection = this.collection;
    if (pending?.has(id)) {
      const doc = pending.get(id);
      if (!doc) return undefined;
      const rid = collection?.head(id)?.rid ?? provisionalRecordId(collection, pending, id);
      return { id, doc, view: toView(doc) as Doc, rid };
    }
    const version =
      collection && (this.txn ? collection.at(id, this.txn.snapshotTs) : collection.head(id));
    return version?.doc
      ? { id, doc: version.doc, view: version.view!, rid: version.rid }
      : undefined;
  }

  get isView(): boolean {
    return typeof this.collection?.options.viewOn === 'string';
  }

  /** How this reader's view differs from the committed state, or undefined if it does not. */
  delta(): ReaderDelta | undefined {
    return this.txn ? readerDeltaOf(this.collection, this.txn, this.namespace) : undefined;
  }

  /** Documents in natural order (a view's documents: its pipeline's output). */
  *scan(): IterableIterator<DocEntry> {
    const collection = this.collection;
    if (this.isView) {
      yield* this.viewEntries(collection!);
      return;
    }
    if (!this.txn) {
      if (collection)
        for (const [id, version] of collection.liveVersions())
          yield { id, doc: version.doc!, view: version.view!, rid: version.rid };
      return;
    }
    const pending = this.txn.writes.get(this.namespace);
    if (collection) {
      for (const id of collection.docs.keys()) {
        const entry = this.entryById(id);
        if (entry) yield entry;
      }
    }
    let rid = PROVISIONAL_RECORD_IDS;
    for (const [id, doc] of pending ?? []) {
      if (collection?.head(id)) continue;
      if (doc) yield { id, doc, view: toView(doc) as Doc, rid };
      rid += 1;
    }
  }

  /** Keys within the boxes in walk order, as this reader sees them. */
  indexKeys(
    index: Index,
    boxes: readonly KeyBox[],
    direction: 1 | -1,
    delta: ReaderDelta | undefined,
  ): IterableIterator<ScanKey> {
    const committed = index.walk(boxes, direction);
    if (!delta) return committed;
    const visible = (function* () {
      for (const key of committed) if (!delta.has(key.id)) yield key;
    })();
    return mergeKeys(index, direction, visible, deltaKeysIn(delta, index, boxes, direction));
  }

  /** The document behind a key met by {@link indexKeys}. */
  fetch(key: ScanKey): DocEntry {
    if (key.entry) return key.entry;
    const version = this.collection!.head(key.id)!;
    return { id: key.id, doc: version.doc!, view: version.view!, rid: version.rid };
  }

  /** Number of keys within the boxes as this reader sees them (index without multikey keys). */
  countKeys(index: Index, boxes: readonly KeyBox[], delta: ReaderDelta | undefined): number {
    let count = index.countKeys(boxes);
    if (!delta) return count;
    const inBoxes = (doc: Doc | null | undefined) =>
      (index.keysOf(doc)?.tuples ?? []).some((values) =>
        boxes.some((box) => index.inBox({ values, rid: 0, id: '' }, box)),
      );
    for (const [id, entry] of delta.entries) {
      if (inBoxes(this.collection?.head(id)?.doc)) count -= 1;
      if (inBoxes(entry?.doc)) count += 1;
    }
    return count;
  }

  /** Number of documents this reader sees. */
  countAll(delta: ReaderDelta | undefined): number {
    const collection = this.collection;
    if (this.isView) return [...this.scan()].length;
    let count = collection?.size ?? 0;
    for (const [id, entry] of delta?.entries ?? []) {
      if (collection?.head(id)?.doc) count -= 1;
      if (entry) count += 1;
    }
    return count;
  }

  /** Per field of the index: whether some document this reader sees holds an array there. */
  multikeyFields(index: Index, delta: ReaderDelta | undefined): boolean[] {
    const own = delta?.multikeyFields(index);
    return index.fields.map((_, i) => index.isMultikeyField(i) || (own?.[i] ?? false));
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
    const input = [...source.scan()].map((entry) => entry.view);
    return runPipeline(pipeline, input).map((doc, index) => ({
      id: `view:${index}`,
      doc,
      view: toView(doc) as Doc,
      rid: index,
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
    if (doc) {
      collection?.checkKeys(doc);
      this.checkUniqueInTransaction(id, doc, pending);
    }
    if (collection && !collection.locks.has(id)) {
      collection.locks.set(id, txn);
      txn.locks.push({
        release: () => collection.locks.get(id) === txn && collection.locks.delete(id),
      });
    }
    pending.set(id, doc);
    if (change) txn.changes.push(change);
  }

  private checkUniqueInTransaction(id: string, doc: Doc, pending: Map<string, Doc | null>): void {
    const collection = this.collection;
    if (!collection) return;
    for (const index of collection.uniqueIndexes()) {
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
