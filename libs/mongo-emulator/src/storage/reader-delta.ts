import type { Doc } from '../query/values';
import type { Index, IndexEntry, KeyBox } from './index';

export interface DocEntry {
  id: string;
  doc: Doc;
  view: Doc;
  /** Place in natural order; ties of a sort come out in this order whatever the plan. */
  rid: number;
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
