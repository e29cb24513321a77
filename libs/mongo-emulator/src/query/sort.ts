import { MongoCommandError } from '../errors';
import { compareKeyValues, sortKeyOf } from '../storage/index-keys';
import type { Collation } from './collation';
import { isPlainObject, numberOf, type Doc, type Value } from './values';

/** Sort keys in order; a `{$meta: 'textScore'}` key sorts by a text search's score, highest first. */
export type SortSpec = Array<[path: string, direction: 1 | -1, meta?: 'textScore']>;

export function parseSort(sort: unknown): SortSpec | undefined {
  if (sort === undefined || sort === null) return undefined;
  if (!isPlainObject(sort))
    throw new MongoCommandError('TypeMismatch', 'Expected field sortto be of type object');
  const spec: SortSpec = [];
  for (const [path, direction] of Object.entries(sort)) {
    if (isPlainObject(direction)) {
      if (direction.$meta === 'textScore') spec.push([path, -1, 'textScore']);
      continue;
    }
    const value = numberOf(direction);
    if (value !== 1 && value !== -1)
      throw new MongoCommandError(
        'SortKeyOrder',
        '$sort key ordering must be 1 (for ascending) or -1 (for descending)',
      );
    if (path !== '$natural') spec.push([path, value]);
  }
  return spec;
}

/**
 * What documents sort by under a spec: per path, the smallest key ascending or the largest
 * descending (arrays sort by an element, an empty array before null and missing fields),
 * compared with MongoDB's cross-type order and strings under `collation`, as an index walk
 * would order them.
 */
export class SortKeys {
  private readonly parts: string[][];

  constructor(
    readonly spec: SortSpec,
    private readonly collation?: Collation,
  ) {
    this.parts = spec.map(([path]) => path.split('.'));
  }

  /** The document's sort keys; `score` is its text search score (for a textScore key). */
  of(doc: Doc, score?: number): Value[] {
    return this.parts.map((parts, i) =>
      this.spec[i][2] ? score : sortKeyOf(doc, parts, this.spec[i][1], this.collation),
    );
  }

  compare(a: Value[], b: Value[]): number {
    for (let i = 0; i < this.spec.length; i++) {
      const order = compareKeyValues(a[i], b[i], this.collation);
      if (order !== 0) return order * this.spec[i][1];
    }
    return 0;
  }
}

/** Whether a sort orders by a text search's score. */
export function sortsByTextScore(spec: SortSpec | undefined): boolean {
  return spec?.some((key) => key[2] === 'textScore') ?? false;
}

/** Sorts with MongoDB's cross-type order (strings under `collation`); stable for ties. */
export function sortDocuments<T>(
  items: T[],
  spec: SortSpec | undefined,
  docOf: (item: T) => Doc,
  collation?: Collation,
): T[] {
  if (!spec || spec.length === 0) return items;
  const keys = new SortKeys(spec, collation);
  const keyed = items.map((item) => ({ item, keys: keys.of(docOf(item)) }));
  keyed.sort((a, b) => keys.compare(a.keys, b.keys));
  return keyed.map((entry) => entry.item);
}
