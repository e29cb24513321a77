import { MongoCommandError } from '../errors';
import { indexValuesAt } from '../storage/paths';
import type { Collation } from './collation';
import { compareValues, isPlainObject, numberOf, type Doc, type Value } from './values';

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

/** The value a document sorts by: the smallest array element ascending, the largest descending. */
function sortKey(doc: Doc, path: string, direction: 1 | -1, collation?: Collation): Value {
  const values = indexValuesAt(doc, path);
  if (values.length === 1) return values[0];
  let best = values[0];
  for (const value of values)
    if (compareValues(value, best, collation) * direction < 0) best = value;
  return best;
}

/** Sorts with MongoDB's cross-type order (strings under `collation`); stable for ties. */
export function sortDocuments<T>(
  items: T[],
  spec: SortSpec | undefined,
  docOf: (item: T) => Doc,
  collation?: Collation,
): T[] {
  if (!spec || spec.length === 0) return items;
  const keyed = items.map((item) => ({
    item,
    keys: spec.map(([path, direction]) => sortKey(docOf(item), path, direction, collation)),
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < spec.length; i++) {
      const order = compareValues(a.keys[i], b.keys[i], collation);
      if (order !== 0) return order * spec[i][1];
    }
    return 0;
  });
  return keyed.map((entry) => entry.item);
}
