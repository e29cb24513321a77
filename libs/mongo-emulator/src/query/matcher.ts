import { MongoCommandError } from '../errors';
import type { Collation } from './collation';
import { compileQuery, isOperatorDocument, type FilterContext } from './filter/compile';
import { isPlainObject, type Doc, type Value } from './values';

export interface Matcher {
  test(doc: Doc): boolean;
  /** An equality (or `$in` of equalities) on one top-level field, usable with an index. */
  equality?: Equality;
}

/** Values one field must equal (under `collation`), for index lookups. */
export interface Equality {
  field: string;
  values: Value[];
  collation?: Collation;
}

/** Compiles a query filter (typed values) into a matcher over documents of either form. */
export function compileFilter(filter: unknown, context: FilterContext = {}): Matcher {
  if (filter === undefined || filter === null) return { test: () => true };
  if (!isPlainObject(filter))
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'filter' is the wrong type, expected type 'object'",
    );
  if (Object.keys(filter).length === 0) return { test: () => true };
  const predicate = compileQuery(filter, context);
  const equality = equalityOf(filter);
  return {
    test: predicate,
    equality: equality && { ...equality, collation: context.collation },
  };
}

function isIndexableScalar(value: Value): boolean {
  return (
    !Array.isArray(value) &&
    !(value instanceof RegExp) &&
    !(isPlainObject(value) && Object.keys(value).some((key) => key.startsWith('$')))
  );
}

function equalityOf(filter: Doc): Equality | undefined {
  const fields = Object.keys(filter).filter((field) => !field.startsWith('$'));
  const ordered = fields.includes('_id')
    ? ['_id', ...fields.filter((field) => field !== '_id')]
    : fields;
  for (const field of ordered) {
    const condition = filter[field];
    if (isIndexableScalar(condition)) return { field, values: [condition] };
    if (!isOperatorDocument(condition)) continue;
    if ('$eq' in condition && isIndexableScalar(condition.$eq))
      return { field, values: [condition.$eq] };
    if (Array.isArray(condition.$in) && condition.$in.every(isIndexableScalar))
      return { field, values: condition.$in };
  }
  return undefined;
}
