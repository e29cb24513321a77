import { commandError } from '../errors';
import { parseCollation, type Collation } from '../query/collation';
import { compileFilter, type Matcher } from '../query/matcher';
import { formatValue, numberOf, setOwnField, type Doc, type Value } from '../query/values';
import { TextIndexDefinition } from '../text/text-index';
import { isTextIndexKey } from '../text/text-index-spec';
import { BTree } from './btree';
import { compareKeyValues, documentKeys, type DocumentKeys } from './index-keys';
import { indexValuesAt } from './paths';

export const ID_INDEX_NAME = '_id_';

export interface IndexSpec {
  v: number;
  key: Doc;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Doc;
  expireAfterSeconds?: number;
  [option: string]: unknown;
}

/** MongoDB's generated index name: `a_1_b_-1`. */
export function defaultIndexName(key: Doc): string {
  return Object.entries(key)
    .map(
      ([field, direction]) =>
        `${field}_${typeof direction === 'string' ? direction : numberOf(direction)}`,
    )
    .join('_');
}

/** One key of the index: the key tuple, then the record id that orders equal tuples. */
export interface IndexEntry {
  values: Value[];
  rid: number;
  id: string;
}

/** Probe values that sort before / after every key value, whatever the field's direction. */
export const BEFORE_ALL: Value = Object.freeze({ before: true });
export const AFTER_ALL: Value = Object.freeze({ after: true });

export function probe(values: Value[], rid: number): IndexEntry {
  return { values, rid, id: '' };
}

/** A contiguous run of keys [start, end); `accepts` rejects keys outside trailing bounds. */
export interface KeyBox {
  start: IndexEntry;
  end: IndexEntry;
  accepts?: (values: Value[]) => boolean;
}

/** A prepared change of one document's keys, computed before anything is modified. */
export interface KeyChange {
  index: Index;
  before?: DocumentKeys;
  after?: DocumentKeys;
}

/**
 * One index over the latest committed documents: an ordered B+tree of (key tuple, record id)
 * with MongoDB's cross-type order and per-field direction, multikey fields contributing one
 * entry per element. It also counts, per field, the documents that make it multikey.
 * An index with a collation orders and equates its string keys by that collation (`Bob` and
 * `bob` are one key at strength 2): the tree compares with the collation's order, and two keys
 * are equal exactly when their collation keys are.
 */
export class Index {
  readonly fields: string[];
  readonly paths: string[][];
  readonly directions: Array<1 | -1>;
  /** Whether every key field is ascending/descending (not text, hashed, geo). */
  readonly ordered: boolean;
  private readonly tree: BTree<IndexEntry>;
  private readonly arrayDocuments: number[];
  private readonly partial?: Matcher;
  /** The index's collation (undefined: simple, code point order). */
  readonly collation?: Collation;
  /** A text index's reading of documents; its keys are `[term, score]`. */
  readonly text?: TextIndexDefinition;

  constructor(
    readonly spec: IndexSpec,
    private readonly namespace: string,
  ) {
    this.fields = Object.keys(spec.key);
    this.paths = this.fields.map((field) => field.split('.'));
    const kinds = Object.values(spec.key);
    this.ordered = kinds.every((kind) => typeof kind !== 'string');
    this.directions = kinds.map((kind) =>
      typeof kind !== 'string' && numberOf(kind) < 0 ? -1 : 1,
    );
    this.arrayDocuments = this.fields.map(() => 0);
    this.collation = parseCollation(spec.collation);
    this.tree = new BTree((a, b) => this.compare(a, b));
    if (spec.partialFilterExpression)
      this.partial = compileFilter(spec.partialFilterExpression, { collation: this.collation });
    if (isTextIndexKey(spec.key)) this.text = new TextIndexDefinition(spec);
  }

  get name(): string {
    return this.spec.name;
  }

  /** Unique keys: a unique index's, and the `_id` index's (unique by definition). */
  get unique(): boolean {
    return this.spec.unique === true || this.spec.name === ID_INDEX_NAME;
  }

  get sparse(): boolean {
    return this.spec.sparse === true;
  }

  get isPartial(): boolean {
    return this.partial !== undefined;
  }

  get size(): number {
    return this.tree.size;
  }

  isMultikeyField(field: number): boolean {
    return this.arrayDocuments[field] > 0;
  }

  get multikey(): boolean {
    return this.arrayDocuments.some((count) => count > 0);
  }

  /** Index order: field by field (from field `from` on) with its direction, then record id. */
  compare(a: IndexEntry, b: IndexEntry, from = 0): number {
    const directions = this.directions;
    for (let i = from; i < directions.length; i++) {
      const x = a.values[i];
      const y = b.values[i];
      if (x === y) continue;
      if (x === BEFORE_ALL || y === AFTER_ALL) return -1;
      if (x === AFTER_ALL || y === BEFORE_ALL) return 1;
      const order = compareKeyValues(x, y, this.collation);
      if (order !== 0) return order * directions[i];
    }
    return a.rid < b.rid ? -1 : a.rid > b.rid ? 1 : 0;
  }

  covers(doc: Doc): boolean {
    if (this.partial && !this.partial.test(doc)) return false;
    if (this.sparse && !this.text)
      return this.fields.some((field) =>
        indexValuesAt(doc, field).some((value) => value !== undefined),
      );
    return true;
  }

  /** The document's keys, or undefined when the index leaves it out (sparse, partial). */
  keysOf(doc: Doc | null | undefined): DocumentKeys | undefined {
    if (!doc || !this.covers(doc)) return undefined;
    return this.text ? this.text.keysOf(doc) : documentKeys(doc, this.paths, this.collation);
  }

  /** Computes (and validates) the key change a write makes, without applying it. */
  prepare(before: Doc | null | undefined, after: Doc | null | undefined): KeyChange | undefined {
    const change: KeyChange = {
      index: this,
      before: this.keysOf(before),
      after: this.keysOf(after),
    };
    return sameTuples(change.before, change.after) ? undefined : change;
  }

  apply(change: KeyChange, rid: number, id: string): void {
    if (change.before) this.removeKeys(change.before, rid, id);
    if (change.after) this.addKeys(change.after, rid, id);
  }

  add(doc: Doc, rid: number, id: string): void {
    const keys = this.keysOf(doc);
    if (keys) this.addKeys(keys, rid, id);
  }

  private addKeys(keys: DocumentKeys, rid: number, id: string): void {
    for (const values of keys.tuples) this.tree.insert({ values, rid, id });
    keys.multikey.forEach((multikey, field) => multikey && (this.arrayDocuments[field] += 1));
  }

  private removeKeys(keys: DocumentKeys, rid: number, id: string): void {
    for (const values of keys.tuples) this.tree.remove({ values, rid, id });
    keys.multikey.forEach((multikey, field) => multikey && (this.arrayDocuments[field] -= 1));
  }

  /** Keys within the boxes, in index order (`direction` -1 walks them backwards). */
  walk(boxes: readonly KeyBox[], direction: 1 | -1): IterableIterator<IndexEntry> {
    const inBox = (box: KeyBox) =>
      direction === 1
        ? this.tree.ascending(box.start, box.end)
        : this.tree.descending(box.end, box.start);
    if (boxes.length === 1) return inBox(boxes[0]);
    const ordered = direction === 1 ? boxes : [...boxes].reverse();
    return (function* () {
      for (const box of ordered) yield* inBox(box);
    })();
  }

  /** Number of keys within the boxes (the boxes must not overlap nor carry `accepts`). */
  countKeys(boxes: readonly KeyBox[]): number {
    return boxes.reduce((total, box) => total + this.tree.countBetween(box.start, box.end), 0);
  }

  inBox(entry: IndexEntry, box: KeyBox): boolean {
    return (
      this.compare(box.start, entry) <= 0 &&
      this.compare(entry, box.end) < 0 &&
      (!box.accepts || box.accepts(entry.values))
    );
  }

  /** Ids of committed documents holding any of this document's unique keys. */
  holdersOfKeys(doc: Doc): Set<string> {
    const holders = new Set<string>();
    const keys = this.unique ? this.keysOf(doc) : undefined;
    for (const values of keys?.tuples ?? []) {
      const from = probe(values, -Infinity);
      for (const entry of this.tree.ascending(from, probe(values, Infinity))) holders.add(entry.id);
    }
    return holders;
  }

  sharesKey(a: Doc, b: Doc): boolean {
    const keysOfA = this.keysOf(a);
    const keysOfB = this.keysOf(b);
    if (!keysOfA || !keysOfB) return false;
    return keysOfA.tuples.some((x) => keysOfB.tuples.some((y) => sameTuple(x, y, this.collation)));
  }

  duplicateKeyError(doc: Doc): Error {
    const keyValue: Doc = {};
    for (const field of this.fields) setOwnField(keyValue, field, firstValue(doc, field));
    const shown = this.fields
      .map((field) => `${field}: ${formatValue(keyValue[field] ?? null)}`)
      .join(', ');
    return commandError(
      'DuplicateKey',
      `E11000 duplicate key error collection: ${this.namespace} index: ${this.name} dup key: { ${shown} }`,
      {
        keyPattern: this.spec.key,
        keyValue,
      },
    );
  }
}

/** Whether two key tuples are one key (strings equal under the index's collation). */
function sameTuple(a: Value[], b: Value[], collation?: Collation): boolean {
  return (
    a.length === b.length && a.every((value, i) => compareKeyValues(value, b[i], collation) === 0)
  );
}

/**
 * Whether a write leaves a document's entries as they are: the same tuples, compared without
 * collation (a collated key still holds the document's own string, which explain and key
 * checks read), and the same multikey fields.
 */
function sameTuples(a: DocumentKeys | undefined, b: DocumentKeys | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.tuples.length === b.tuples.length &&
    a.tuples.every((tuple, i) => sameTuple(tuple, b.tuples[i])) &&
    a.multikey.every((multikey, i) => multikey === b.multikey[i])
  );
}

function firstValue(doc: Doc, field: string): Value {
  const value = indexValuesAt(doc, field)[0];
  return value === undefined ? null : value;
}
