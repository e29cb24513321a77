import { toView, type Doc } from '../query/values';
import { ID_INDEX_NAME, Index, type IndexSpec, type KeyChange } from './index';

export { ID_INDEX_NAME };

/**
 * One committed state of a document; `doc: null` marks a deletion kept for older snapshots.
 * `rid` (record id) is the document's place in natural order: given at insertion, kept by
 * updates, so it also orders index keys that tie.
 */
export interface Version {
  doc: Doc | null;
  view: Doc | null;
  ts: number;
  rid: number;
  prev?: Version;
}

export interface CollectionOptions {
  validator?: Doc;
  validationLevel?: string;
  validationAction?: string;
  [option: string]: unknown;
}

export interface VersionHorizon {
  /** Oldest snapshot timestamp any running transaction still reads at, or undefined. */
  oldestSnapshot(): number | undefined;
}

/**
 * Storage design. Documents are kept in the "typed" form described in query/values.ts: int32 as
 * plain numbers, integral doubles as bson `Double`, int64 as bson `Long`, so a stored 1.0 comes
 * back as a double and `$inc` keeps int/long/double apart (query/update/numbers.ts); queries,
 * sorts and index keys run on this form. Each version also caches its view (numbers unboxed)
 * for aggregation; it is the same object when the document holds no `Double`/`Long`, so most
 * documents cost no extra memory. Limit: results computed by aggregation expressions or
 * pipeline updates come back as int32/double by value.
 *
 * The documents of one collection with their recent versions (for transaction snapshots) and
 * ordered indexes over the latest committed state (`_id` and secondary ones). Documents live in
 * a Map keyed by the canonical encoding of `_id`, so `_id` lookups are O(1); natural order is the
 * Map's order, which is also record-id order (a new id is appended with the next record id).
 */
export class Collection {
  readonly docs = new Map<string, Version>();
  /** Secondary indexes by name (the `_id` index is {@link idIndex}). */
  readonly indexes = new Map<string, Index>();
  readonly idIndex: Index;
  /** Ids written by a running transaction, with the transaction that holds them. */
  readonly locks = new Map<string, object>();
  options: CollectionOptions;
  lastWriteTs = 0;
  private nextRecordId = 1;
  private readonly tombstones = new Set<string>();
  /** Ids written while a snapshot was open: their head may be newer than some snapshot. */
  private readonly writtenUnderSnapshots = new Set<string>();

  constructor(
    readonly db: string,
    readonly name: string,
    options: CollectionOptions,
    private readonly horizon: VersionHorizon,
  ) {
    this.options = options;
    this.idIndex = new Index(this.idIndexSpec, this.namespace);
  }

  /** Every index a query may use: `_id` first, then the secondary ones. */
  allIndexes(): Index[] {
    return [this.idIndex, ...this.indexes.values()];
  }

  get namespace(): string {
    return `${this.db}.${this.name}`;
  }

  /** The `_id` index takes the collection's default collation, as MongoDB's does. */
  get idIndexSpec(): IndexSpec {
    const spec: IndexSpec = { v: 2, key: { _id: 1 }, name: ID_INDEX_NAME };
    if (this.options.collation) spec.collation = this.options.collation;
    return spec;
  }

  get size(): number {
    return this.docs.size - this.tombstones.size;
  }

  head(id: string): Version | undefined {
    return this.docs.get(id);
  }

  latest(id: string): Doc | undefined {
    return this.docs.get(id)?.doc ?? undefined;
  }

  /** The document as a snapshot taken at `ts` sees it. */
  at(id: string, ts: number): Version | undefined {
    let version = this.docs.get(id);
    while (version && version.ts > ts) version = version.prev;
    return version && version.doc ? version : undefined;
  }

  *liveVersions(): IterableIterator<[string, Version]> {
    for (const entry of this.docs) if (entry[1].doc) yield entry;
  }

  /**
   * The indexes whose keys must be unique beyond the `_id` map's own check: the unique secondary
   * ones, and the `_id` index when a collation makes `_id` strings equal that the map keeps apart.
   */
  *uniqueIndexes(): IterableIterator<Index> {
    if (this.idIndex.collation) yield this.idIndex;
    for (const index of this.indexes.values()) if (index.unique) yield index;
  }

  /** Throws DuplicateKey when `doc` would collide with a committed document other than itself. */
  checkUnique(doc: Doc, id: string): void {
    for (const index of this.uniqueIndexes()) {
      for (const holder of index.holdersOfKeys(doc))
        if (holder !== id) throw index.duplicateKeyError(doc);
    }
  }

  /** Validates a document's keys for every index (parallel arrays) without writing it. */
  checkKeys(doc: Doc): void {
    for (const index of this.indexes.values()) index.keysOf(doc);
  }

  /** Commits a document state (null: deleted); an update keeps `_id`, so its key stays. */
  write(id: string, doc: Doc | null, ts: number): void {
    const previous = this.docs.get(id);
    const before = previous?.doc ?? null;
    const changes: KeyChange[] = [];
    const idChanges = !before || !doc;
    for (const index of idChanges ? this.allIndexes() : this.indexes.values()) {
      const change = index.prepare(before, doc);
      if (change) changes.push(change);
    }
    const rid = previous ? previous.rid : this.nextRecordId++;
    for (const change of changes) change.index.apply(change, rid, id);
    const view = doc ? (toView(doc) as Doc) : null;
    const version: Version = { doc, view, ts, rid, prev: previous };
    this.lastWriteTs = ts;
    const oldest = this.horizon.oldestSnapshot();
    if (oldest === undefined) {
      version.prev = undefined;
      if (!doc) {
        this.docs.delete(id);
        this.tombstones.delete(id);
        return;
      }
    } else {
      trimHistory(version, oldest);
      this.writtenUnderSnapshots.add(id);
    }
    this.docs.set(id, version);
    if (doc) this.tombstones.delete(id);
    else this.tombstones.add(id);
  }

  /** Ids written while snapshots were open (their head may postdate a snapshot). */
  recentlyWritten(): ReadonlySet<string> {
    return this.writtenUnderSnapshots;
  }

  /**
   * Drops versions no snapshot needs any more once the oldest open snapshot is `oldest`
   * (undefined: none is open), and forgets ids whose head every open snapshot sees.
   */
  prune(oldest: number | undefined): void {
    for (const id of this.writtenUnderSnapshots) {
      const head = this.docs.get(id);
      if (head && oldest !== undefined && head.ts > oldest) {
        trimHistory(head, oldest);
        continue;
      }
      this.writtenUnderSnapshots.delete(id);
      if (!head) continue;
      head.prev = undefined;
      if (!head.doc) {
        this.docs.delete(id);
        this.tombstones.delete(id);
      }
    }
  }

  addIndex(spec: IndexSpec): Index {
    const index = new Index(spec, this.namespace);
    for (const [id, version] of this.liveVersions()) {
      if (index.unique && index.holdersOfKeys(version.doc!).size > 0)
        throw index.duplicateKeyError(version.doc!);
      index.add(version.doc!, version.rid, id);
    }
    this.indexes.set(spec.name, index);
    return index;
  }
}

function trimHistory(version: Version, oldest: number): void {
  let current: Version | undefined = version;
  while (current && current.ts > oldest) current = current.prev;
  if (current) current.prev = undefined;
}
