import { MongoCommandError } from '../errors';
import { compareKeyValues, sortKeyOf } from '../storage/index-keys';
import type { Collation } from './collation';
import { isPlainObject, numberOf, type Doc, type Value } from './values';

export type SortSpec = Array<[path: string, direction: 1 | -1]>;

export function parseSort(sort: unknown): SortSpec | undefined {
  if (sort === undefined || sort === null) return undefined;
  if (!isPlainObject(sort))
    throw new MongoCommandError('TypeMismatch', 'Expected field sortto be of type object');
  const spec: SortSpec = [];
  for (const [path, direction] of Object.entries(sort)) {
    if (isPlainObject(direction)) continue;
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

  of(doc: Doc): Value[] {
    return this.parts.map((parts, i) => sortKeyOf(doc, parts, this.spec[i][1], this.collation));
  }

  compare(a: Value[], b: Value[]): number {
    for (let i = 0; i < this.spec.length; i++) {
      const order = compareKeyValues(a[i], b[i], this.collation);
      if (order !== 0) return order * this.spec[i][1];
    }
    return 0;
  }
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
