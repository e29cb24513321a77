import { toView, type Doc } from '../query/values';
import type { Transaction, WriteSet } from '../session/transaction';
import type { Collection } from './collection';
import type { Index, IndexEntry, KeyBox } from './index';

/** Record ids of documents a transaction inserts: after every committed one, in write order. */
export const PROVISIONAL_RECORD_IDS = 2 ** 52;

export interface DocEntry {
  id: string;
  doc: Doc;
  view: Doc;
  /** Place in natural order; ties of a sort come out in this order whatever the plan. */
  rid: number;
  /** The document's text search score, when a `$text` query found it. */
  score?: number;
}

/** An index key as a reader meets it; `entry` is set when the document is already at hand. */
export interface ScanKey extends IndexEntry {
  entry?: DocEntry;
}

/**
 * What a transaction sees differently from the latest committed state (which the indexes
 * hold): its own pending writes and the older versions of documents committed after its
 * snapshot. An entry of null means the document does not exist for this reader.
 */
export class ReaderDelta {
  private readonly keysByIndex = new Map<Index, ScanKey[]>();

  constructor(readonly entries: ReadonlyMap<string, DocEntry | null>) {}

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** The visible documents' keys in `index`, in index order. */
  keysOf(index: Index): ScanKey[] {
    let keys = this.keysByIndex.get(index);
    if (keys) return keys;
    keys = [];
    for (const entry of this.entries.values()) {
      if (!entry) continue;
      for (const values of index.keysOf(entry.doc)?.tuples ?? [])
        keys.push({ values, rid: entry.rid, id: entry.id, entry });
    }
    keys.sort((a, b) => index.compare(a, b));
    this.keysByIndex.set(index, keys);
    return keys;
  }

  /** Per index field: whether a visible document of the delta holds an array there. */
  multikeyFields(index: Index): boolean[] {
    const fields = index.fields.map(() => false);
    for (const entry of this.entries.values()) {
      const keys = entry ? index.keysOf(entry.doc) : undefined;
      keys?.multikey.forEach((multikey, i) => (fields[i] ||= multikey));
    }
    return fields;
  }
}

/** The record id a pending insert of `id` has: its place among the transaction's inserts. */
export function provisionalRecordId(
  collection: Collection | undefined,
  pending: WriteSet,
  id: string,
): number {
  let rid = PROVISIONAL_RECORD_IDS;
  for (const pendingId of pending.keys()) {
    if (pendingId === id) return rid;
    if (!collection?.head(pendingId)) rid += 1;
  }
  return rid;
}

/**
 * A transaction's delta on one namespace: its pending writes, then the snapshot versions of
 * documents committed after its snapshot. Undefined when it sees the committed state as is.
 */
export function readerDeltaOf(
  collection: Collection | undefined,
  txn: Transaction,
  namespace: string,
): ReaderDelta | undefined {
  const pending = txn.writes.get(namespace);
  const changed = collection !== undefined && collection.lastWriteTs > txn.snapshotTs;
  if (!pending?.size && !changed) return undefined;
  const entries = new Map<string, DocEntry | null>();
  let provisional = PROVISIONAL_RECORD_IDS;
  for (const [id, doc] of pending ?? []) {
    const rid = collection?.head(id)?.rid ?? provisional++;
    entries.set(id, doc ? { id, doc, view: toView(doc) as Doc, rid } : null);
  }
  if (changed) {
    for (const id of collection.recentlyWritten()) {
      const head = collection.head(id);
      if (entries.has(id) || !head || head.ts <= txn.snapshotTs) continue;
      const version = collection.at(id, txn.snapshotTs);
      entries.set(
        id,
        version ? { id, doc: version.doc!, view: version.view!, rid: version.rid } : null,
      );
    }
  }
  return new ReaderDelta(entries);
}

/** Keys of the delta within the boxes, in walk order. */
export function deltaKeysIn(
  delta: ReaderDelta,
  index: Index,
  boxes: readonly KeyBox[],
  direction: 1 | -1,
): ScanKey[] {
  const keys = delta.keysOf(index).filter((key) => boxes.some((box) => index.inBox(key, box)));
  return direction === 1 ? keys : keys.reverse();
}

/** Merges two key streams that are each in walk order. */
export function* mergeKeys(
  index: Index,
  direction: 1 | -1,
  committed: Iterator<ScanKey>,
  own: readonly ScanKey[],
): IterableIterator<ScanKey> {
  let next = committed.next();
  let position = 0;
  while (!next.done || position < own.length) {
    if (
      next.done ||
      (position < own.length && index.compare(own[position], next.value) * direction < 0)
    ) {
      yield own[position++];
    } else {
      yield next.value;
      next = committed.next();
    }
  }
}
