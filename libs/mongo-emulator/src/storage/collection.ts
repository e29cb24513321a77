import { holdsStrings, sameCollation, type Collation } from '../query/collation';
import { canonicalKey, toView, type Doc } from '../query/values';
import { Index, type IndexSpec } from './index';

/** One committed state of a document; `doc: null` marks a deletion kept for older snapshots. */
export interface Version {
  doc: Doc | null;
  view: Doc | null;
  ts: number;
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

export const ID_INDEX_NAME = '_id_';

/**
 * Storage design. Documents are kept in the "typed" form described in query/values.ts: int32 as
 * plain numbers, integral doubles as bson `Double`, int64 as bson `Long`, so a stored 1.0 comes
 * back as a double and `$inc` keeps int/long/double apart (query/update/numbers.ts); queries and
 * sorts run on this form. Each version also caches its view (numbers unboxed) for aggregation;
 * it is the same object when the document holds no `Double`/`Long`, so most documents cost no
 * extra memory. Limit: results computed by aggregation expressions or pipeline updates come back
 * as int32/double by value.
 *
 * The documents of one collection with their recent versions (for transaction snapshots) and
 * secondary indexes over the latest committed state. Documents live in a Map keyed by the
 * canonical encoding of `_id`, so `_id` lookups are O(1) and natural order is insertion order.
 */
export class Collection {
  readonly docs = new Map<string, Version>();
  readonly indexes = new Map<string, Index>();
  /** Ids written by a running transaction, with the transaction that holds them. */
  readonly locks = new Map<string, object>();
  options: CollectionOptions;
  lastWriteTs = 0;
  private readonly tombstones = new Set<string>();
  /** Ids whose head version still links to older versions kept for running snapshots. */
  private readonly withHistory = new Set<string>();

  constructor(
    readonly db: string,
    readonly name: string,
    options: CollectionOptions,
    private readonly horizon: VersionHorizon,
  ) {
    this.options = options;
  }

  get namespace(): string {
    return `${this.db}.${this.name}`;
  }

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

  /** Throws DuplicateKey when `doc` would collide with a committed document other than itself. */
  checkUnique(doc: Doc, id: string): void {
    for (const index of this.indexes.values()) {
      if (!index.unique) continue;
      for (const holder of index.holdersOfKeys(doc))
        if (holder !== id) throw index.duplicateKeyError(doc);
    }
  }

  write(id: string, doc: Doc | null, ts: number): void {
    const previous = this.docs.get(id);
    if (previous?.doc) for (const index of this.indexes.values()) index.remove(previous.doc, id);
    if (doc) for (const index of this.indexes.values()) index.add(doc, id);
    const version: Version = { doc, view: doc ? (toView(doc) as Doc) : null, ts, prev: previous };
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
      if (version.prev) this.withHistory.add(id);
    }
    this.docs.set(id, version);
    if (doc) this.tombstones.delete(id);
    else this.tombstones.add(id);
  }

  /** Ids whose older versions (or deletion) a running snapshot may still see. */
  *idsWithHistory(): IterableIterator<string> {
    yield* this.withHistory;
    yield* this.tombstones;
  }

  /** Drops versions no snapshot needs any more (called when the last transaction ends). */
  sweep(): void {
    for (const id of this.tombstones) this.docs.delete(id);
    this.tombstones.clear();
    for (const id of this.withHistory) {
      const version = this.docs.get(id);
      if (version) version.prev = undefined;
    }
    this.withHistory.clear();
  }

  addIndex(spec: IndexSpec): Index {
    const index = new Index(spec, this.namespace);
    for (const [id, version] of this.liveVersions()) {
      if (index.unique) {
        const holders = index.holdersOfKeys(version.doc!);
        if (holders.size > 0) throw index.duplicateKeyError(version.doc!);
      }
      index.add(version.doc!, id);
    }
    this.indexes.set(spec.name, index);
    return index;
  }

  /**
   * Committed ids whose indexed leading field equals one of `values` under `collation` (a
   * superset is fine: callers test every candidate), or undefined to scan. An index serves the
   * lookup when its collation is the query's, when the query's is simple (collation keys only
   * merge values), or when no value holds a string.
   */
  lookup(field: string, values: unknown[], collation?: Collation): Set<string> | undefined {
    const collated = collation !== undefined && values.some(holdsStrings);
    if (field === '_id') {
      if (collated) return undefined;
      const ids = new Set<string>();
      for (const value of values) {
        const id = canonicalKey(value);
        if (this.docs.has(id)) ids.add(id);
      }
      return ids;
    }
    for (const index of this.indexes.values()) {
      if (index.fields[0] !== field || !index.complete) continue;
      if (collated && !sameCollation(index.collation, collation)) continue;
      const ids = new Set<string>();
      for (const value of values) for (const id of index.lookupLead(value) ?? []) ids.add(id);
      return ids;
    }
    return undefined;
  }
}

function trimHistory(version: Version, oldest: number): void {
  let current: Version | undefined = version;
  while (current && current.ts > oldest) current = current.prev;
  if (current) current.prev = undefined;
}
