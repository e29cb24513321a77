import { MongoCommandError } from '../errors';
import { compareStrings, type Collation } from '../query/collation';
import { compareValues, isPlainObject, type Value } from '../query/values';

/** The key of an empty array: after MinKey and before null/missing, as MongoDB orders it. */
class EmptyArrayKey {}
export const EMPTY_ARRAY_KEY: Value = new EmptyArrayKey();

/**
 * Compares two key values with MongoDB's cross-type order (fast paths for common types),
 * strings (also inside arrays and embedded documents) under `collation` when one is given.
 */
export function compareKeyValues(a: Value, b: Value, collation?: Collation): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a < b) return -1;
    if (a > b) return 1;
    if (a === b) return 0;
    return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : -1) : 1;
  }
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b, collation);
  if (a === EMPTY_ARRAY_KEY || b === EMPTY_ARRAY_KEY) {
    if (a === b) return 0;
    const other = a === EMPTY_ARRAY_KEY ? b : a;
    const otherFirst = compareValues(other, null) < 0 ? -1 : 1;
    return a === EMPTY_ARRAY_KEY ? -otherFirst : otherFirst;
  }
  return compareValues(a, b, collation);
}

export interface PathKeys {
  /** Distinct key values the path yields (null for a missing field). */
  values: Value[];
  /** Whether the walk met an array, which makes the path multikey for this document. */
  throughArray: boolean;
}

/**
 * The index keys a dotted path yields in a document, as MongoDB builds them: arrays along the
 * path are unwound (one key per element, null for an element without the rest of the path), an
 * array at the end contributes its elements, an empty one the empty-array key, and a path that
 * reaches nothing gives null. Keys equal under `collation` count once.
 */
export function keysAtPath(doc: Value, parts: readonly string[], collation?: Collation): PathKeys {
  const state: PathKeys = { values: [], throughArray: false };
  collect(doc, parts, 0, state);
  if (state.values.length === 0) state.values.push(null);
  else if (state.values.length > 1) state.values = distinctSorted(state.values, collation);
  return state;
}

function collect(value: Value, parts: readonly string[], depth: number, state: PathKeys): void {
  if (depth === parts.length) {
    if (!Array.isArray(value)) {
      state.values.push(value === undefined ? null : value);
      return;
    }
    state.throughArray = true;
    if (value.length === 0) state.values.push(EMPTY_ARRAY_KEY);
    else for (const element of value) state.values.push(element === undefined ? null : element);
    return;
  }
  if (Array.isArray(value)) {
    state.throughArray = true;
    const part = parts[depth];
    const positional = /^\d+$/.test(part);
    if (positional && value.length > Number(part))
      collect(value[Number(part)], parts, depth + 1, state);
    for (const element of value) {
      const before = state.values.length;
      if (isPlainObject(element)) collect(element, parts, depth, state);
      if (state.values.length === before && !positional) state.values.push(null);
    }
    return;
  }
  if (!isPlainObject(value) || !Object.hasOwn(value, parts[depth])) return;
  collect(value[parts[depth]], parts, depth + 1, state);
}

function distinctSorted(values: Value[], collation?: Collation): Value[] {
  const sorted = [...values].sort((a, b) => compareKeyValues(a, b, collation));
  return sorted.filter(
    (value, i) => i === 0 || compareKeyValues(sorted[i - 1], value, collation) !== 0,
  );
}

export interface DocumentKeys {
  /** Every key tuple of the document (one per combination of multikey values). */
  tuples: Value[][];
  /** Per field: whether this document makes it multikey. */
  multikey: boolean[];
}

/**
 * The key tuples of a document for an index over `paths` (each split on dots), under the
 * index's `collation`. Two fields that both reach arrays through different top-level fields
 * cannot be indexed together.
 */
export function documentKeys(
  doc: Value,
  paths: ReadonlyArray<readonly string[]>,
  collation?: Collation,
): DocumentKeys {
  const perField = paths.map((parts) => keysAtPath(doc, parts, collation));
  const arrayFields = paths.filter((_, i) => perField[i].throughArray);
  if (arrayFields.length > 1 && new Set(arrayFields.map((parts) => parts[0])).size > 1) {
    throw new MongoCommandError(
      'CannotIndexParallelArrays',
      `cannot index parallel arrays [${arrayFields[1].join('.')}] [${arrayFields[0].join('.')}]`,
    );
  }
  let tuples: Value[][] = [[]];
  for (const field of perField) {
    if (field.values.length === 1) for (const tuple of tuples) tuple.push(field.values[0]);
    else tuples = tuples.flatMap((tuple) => field.values.map((value) => [...tuple, value]));
  }
  return { tuples, multikey: perField.map((field) => field.throughArray) };
}

/**
 * The value a document sorts by on one path: its smallest key ascending, largest descending
 * (under `collation`).
 */
export function sortKeyOf(
  doc: Value,
  parts: readonly string[],
  direction: 1 | -1,
  collation?: Collation,
): Value {
  const { values } = keysAtPath(doc, parts, collation);
  return direction === 1 ? values[0] : values[values.length - 1];
}
