import { commandError } from '../errors';
import { collationKey, parseCollation, type Collation } from '../query/collation';
import { compileFilter, type Matcher } from '../query/matcher';
import {
  canonicalKey,
  formatValue,
  numberOf,
  setOwnField,
  type Doc,
  type Value,
} from '../query/values';
import { indexValuesAt } from './paths';

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

/**
 * One secondary index over the latest committed documents. Keeps two hash maps keyed by
 * canonical value encodings: leading-field value → ids (equality lookups) and, for unique
 * indexes, full key → id (duplicate detection). Multikey fields contribute one entry per element.
 */
export class Index {
  readonly fields: string[];
  private readonly byLead: IdMap = new Map();
  private readonly byFull: IdMap = new Map();
  private readonly partial?: Matcher;
  /** The index's collation: string keys are collation keys (`Bob` and `bob` at strength 2). */
  readonly collation?: Collation;

  constructor(
    readonly spec: IndexSpec,
    private readonly namespace: string,
  ) {
    this.fields = Object.keys(spec.key);
    this.collation = parseCollation(spec.collation);
    if (spec.partialFilterExpression) this.partial = compileFilter(spec.partialFilterExpression);
  }

  get name(): string {
    return this.spec.name;
  }

  get unique(): boolean {
    return this.spec.unique === true;
  }

  /** Whether every document has an entry, so an equality lookup through it is complete. */
  get complete(): boolean {
    return (
      !this.spec.sparse && !this.partial && typeof Object.values(this.spec.key)[0] !== 'string'
    );
  }

  covers(doc: Doc): boolean {
    if (this.partial && !this.partial.test(doc)) return false;
    if (this.spec.sparse)
      return this.fields.some((field) =>
        indexValuesAt(doc, field).some((value) => value !== undefined),
      );
    return true;
  }

  add(doc: Doc, id: string): void {
    if (!this.covers(doc)) return;
    for (const lead of this.leadKeys(doc)) addTo(this.byLead, lead, id);
    if (this.unique) for (const full of this.fullKeys(doc)) addTo(this.byFull, full, id);
  }

  remove(doc: Doc, id: string): void {
    if (!this.covers(doc)) return;
    for (const lead of this.leadKeys(doc)) removeFrom(this.byLead, lead, id);
    if (this.unique) for (const full of this.fullKeys(doc)) removeFrom(this.byFull, full, id);
  }

  lookupLead(value: Value): Set<string> | undefined {
    return idsOf(this.byLead.get(this.keyOf(value)));
  }

  /** Ids of committed documents holding any of this document's unique keys. */
  holdersOfKeys(doc: Doc): Set<string> {
    const holders = new Set<string>();
    if (!this.unique || !this.covers(doc)) return holders;
    for (const full of this.fullKeys(doc))
      for (const id of idsOf(this.byFull.get(full))) holders.add(id);
    return holders;
  }

  sharesKey(a: Doc, b: Doc): boolean {
    if (!this.covers(a) || !this.covers(b)) return false;
    const keysOfB = new Set(this.fullKeys(b));
    return this.fullKeys(a).some((key) => keysOfB.has(key));
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

  /** The hash key of one indexed value, under the index's collation. */
  private keyOf(value: Value): string {
    return canonicalKey(collationKey(value, this.collation));
  }

  private leadKeys(doc: Doc): Set<string> {
    return new Set(indexValuesAt(doc, this.fields[0]).map((value) => this.keyOf(value)));
  }

  private fullKeys(doc: Doc): string[] {
    let keys = [''];
    for (const field of this.fields) {
      const values = [...new Set(indexValuesAt(doc, field).map((value) => this.keyOf(value)))];
      keys = keys.flatMap((prefix) => values.map((value) => `${prefix}|${value}`));
    }
    return keys;
  }
}

function firstValue(doc: Doc, field: string): Value {
  const value = indexValuesAt(doc, field)[0];
  return value === undefined ? null : value;
}

/** Key → id, or → ids when several documents share the key (keeps unique indexes small). */
type IdMap = Map<string, string | Set<string>>;

function idsOf(entry: string | Set<string> | undefined): Set<string> {
  if (entry === undefined) return new Set();
  return typeof entry === 'string' ? new Set([entry]) : entry;
}

function addTo(map: IdMap, key: string, id: string): void {
  const entry = map.get(key);
  if (entry === undefined) map.set(key, id);
  else if (typeof entry === 'string') {
    if (entry !== id) map.set(key, new Set([entry, id]));
  } else entry.add(id);
}

function removeFrom(map: IdMap, key: string, id: string): void {
  const entry = map.get(key);
  if (entry === undefined) return;
  if (typeof entry === 'string') {
    if (entry === id) map.delete(key);
    return;
  }
  entry.delete(id);
  if (entry.size === 1) map.set(key, entry.values().next().value as string);
}
