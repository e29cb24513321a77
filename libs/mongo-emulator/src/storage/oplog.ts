import { calculateObjectSize } from 'bson';
import { isPlainObject, type Doc } from '../query/values';
import type { UpdateDescription } from '../query/update/update-description';
import type { CollectionOptions } from './collection';

/** What one write did to one document, before it has its place in the oplog. */
export interface DocumentChange {
  op: 'insert' | 'update' | 'replace' | 'delete';
  db: string;
  coll: string;
  documentKey: Doc;
  /** insert, replace: the document written. */
  document?: Doc;
  /** update: the document after it, kept when the collection records post-images. */
  postImage?: Doc;
  /** update, replace, delete: the document before it, kept when the collection records images. */
  preImage?: Doc;
  updateDescription?: UpdateDescription;
}

/** Whether a collection keeps pre- and post-images for change streams. */
export function recordsImages(options: CollectionOptions | undefined): boolean {
  const setting = options?.changeStreamPreAndPostImages;
  return isPlainObject(setting) && setting.enabled === true;
}

export function insertChange(db: string, coll: string, doc: Doc): DocumentChange {
  return { op: 'insert', db, coll, documentKey: { _id: doc._id }, document: doc };
}

/** An update (with its description) or a replacement (without) of `before` by `after`. */
export function rewriteChange(
  db: string,
  coll: string,
  images: boolean,
  before: Doc | undefined,
  after: Doc,
  updateDescription?: UpdateDescription,
): DocumentChange {
  const change: DocumentChange = updateDescription
    ? { op: 'update', db, coll, documentKey: { _id: after._id }, updateDescription }
    : { op: 'replace', db, coll, documentKey: { _id: after._id }, document: after };
  if (images && updateDescription) change.postImage = after;
  if (images && before) change.preImage = before;
  return change;
}

export function deleteChange(
  db: string,
  coll: string,
  images: boolean,
  before: Doc,
): DocumentChange {
  const change: DocumentChange = { op: 'delete', db, coll, documentKey: { _id: before._id } };
  if (images) change.preImage = before;
  return change;
}

/** A change of the catalog: a collection dropped or renamed, a database dropped. */
export interface CatalogChange {
  op: 'drop' | 'rename' | 'dropDatabase';
  db: string;
  coll?: string;
  to?: { db: string; coll: string };
}

export interface TransactionId {
  lsid: Doc;
  txnNumber: number;
}

export type OplogEntry = (DocumentChange | CatalogChange) & {
  tick: number;
  /** Place among the entries of the same tick (a transaction's writes, a TTL batch). */
  index: number;
  wallTime: Date;
  transaction?: TransactionId;
};

/** An oplog position: a tick and the index of an entry within it. */
export interface OplogPosition {
  tick: number;
  index: number;
}

export function comparePositions(a: OplogPosition, b: OplogPosition): number {
  return a.tick - b.tick || a.index - b.index;
}

export interface OplogLimits {
  /** The most entries kept. */
  entries: number;
  /** The most bytes of documents the entries hold (what MongoDB's oplog size bounds). */
  bytes: number;
}

export const DEFAULT_OPLOG_LIMITS: OplogLimits = { entries: 10_000, bytes: 64 * 1024 * 1024 };

/** Bytes counted for an entry besides its documents. */
const ENTRY_OVERHEAD = 200;

function sizeOf(change: DocumentChange | CatalogChange): number {
  if (!('documentKey' in change)) return ENTRY_OVERHEAD;
  let bytes = ENTRY_OVERHEAD;
  for (const doc of [change.document, change.preImage, change.postImage, change.updateDescription])
    if (doc) bytes += calculateObjectSize(doc);
  return bytes;
}

/**
 * The server's operation log, what change streams read: every committed write in commit order,
 * in a ring that keeps the latest entries within its limits; readers waiting for new entries
 * are told of each append.
 */
export class Oplog {
  private readonly ring: Array<OplogEntry | undefined>;
  private readonly sizes: number[];
  private start = 0;
  private count = 0;
  private bytes = 0;
  private readonly listeners = new Set<() => void>();
  /** The newest entry dropped to make room: a position before it can no longer be resumed. */
  lastDropped?: OplogPosition;

  constructor(readonly limits: OplogLimits = DEFAULT_OPLOG_LIMITS) {
    this.ring = new Array(limits.entries);
    this.sizes = new Array(limits.entries).fill(0);
  }

  get size(): number {
    return this.count;
  }

  append(tick: number, change: DocumentChange | CatalogChange, transaction?: TransactionId): void {
    const last = this.count > 0 ? this.entryAt(this.count - 1) : undefined;
    const index = last?.tick === tick ? last.index + 1 : 0;
    const entry: OplogEntry = Object.assign({ tick, index, wallTime: new Date() }, change);
    if (transaction) entry.transaction = transaction;
    const bytes = sizeOf(change);
    while (
      this.count > 0 &&
      (this.count >= this.limits.entries || this.bytes + bytes > this.limits.bytes)
    )
      this.dropOldest();
    const slot = (this.start + this.count) % this.limits.entries;
    this.ring[slot] = entry;
    this.sizes[slot] = bytes;
    this.count += 1;
    this.bytes += bytes;
    for (const listener of this.listeners) listener();
  }

  private dropOldest(): void {
    const dropped = this.ring[this.start]!;
    this.lastDropped = { tick: dropped.tick, index: dropped.index };
    this.ring[this.start] = undefined;
    this.bytes -= this.sizes[this.start];
    this.start = (this.start + 1) % this.limits.entries;
    this.count -= 1;
  }

  /** Calls `listener` after each append until the returned function is called. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The entries at or after `position`, oldest first. */
  *from(position: OplogPosition): IterableIterator<OplogEntry> {
    for (let offset = this.firstAtOrAfter(position); offset < this.size; offset++)
      yield this.entryAt(offset);
  }

  find(position: OplogPosition): OplogEntry | undefined {
    const offset = this.firstAtOrAfter(position);
    const entry = offset < this.size ? this.entryAt(offset) : undefined;
    return entry && comparePositions(entry, position) === 0 ? entry : undefined;
  }

  private entryAt(offset: number): OplogEntry {
    return this.ring[(this.start + offset) % this.limits.entries]!;
  }

  private firstAtOrAfter(position: OplogPosition): number {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (comparePositions(this.entryAt(middle), position) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
