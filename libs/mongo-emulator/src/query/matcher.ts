import { Query } from 'mingo';
import { MongoCommandError } from '../errors';
import { jsonSchemaValidator } from './json-schema';
import { queryContext, rewriteTypeOperators } from './type-operator';
import { isPlainObject, toView, type Doc, type Value } from './values';

export interface Matcher {
  test(view: Doc): boolean;
  /** An equality (or `$in` of equalities) on one top-level field, usable with an index. */
  equality?: { field: string; values: Value[] };
}

/** Maps mingo's exceptions to the errors MongoDB gives for the same bad input. */
export function translateMingoError(error: unknown): MongoCommandError {
  if (error instanceof MongoCommandError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const unknownOperator = /unknown (?:query )?operator:? '?(\$\w+)'?/i.exec(message);
  if (unknownOperator)
    return new MongoCommandError('BadValue', `unknown operator: ${unknownOperator[1]}`);
  const unknownStage = /unregistered pipeline operator '?(\$\w+)'?/i.exec(message);
  if (unknownStage)
    return new MongoCommandError(40324, `Unrecognized pipeline stage name: '${unknownStage[1]}'`);
  return new MongoCommandError('BadValue', message);
}

export function compileFilter(filter: unknown, variables?: Doc): Matcher {
  if (filter === undefined || filter === null) return { test: () => true };
  if (!isPlainObject(filter))
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'filter' is the wrong type, expected type 'object'",
    );
  const view = rewriteTypeOperators(toView(filter)) as Doc;
  if (Object.keys(view).length === 0) return { test: () => true };
  let query: Query;
  try {
    query = new Query(view, {
      jsonSchemaValidator,
      context: queryContext,
      ...(variables ? { variables: toView(variables) as Doc } : {}),
    });
  } catch (error) {
    throw translateMingoError(error);
  }
  return {
    test: (doc) => {
      try {
        return query.test(doc);
      } catch (error) {
        throw translateMingoError(error);
      }
    },
    equality: equalityOf(view),
  };
}

function isIndexableScalar(value: Value): boolean {
  return (
    !Array.isArray(value) &&
    !(value instanceof RegExp) &&
    !(isPlainObject(value) && Object.keys(value).some((key) => key.startsWith('$')))
  );
}

function equalityOf(filter: Doc): Matcher['equality'] {
  const fields = Object.keys(filter).filter((field) => !field.startsWith('$'));
  const ordered = fields.includes('_id')
    ? ['_id', ...fields.filter((field) => field !== '_id')]
    : fields;
  for (const field of ordered) {
    const condition = filter[field];
    if (isIndexableScalar(condition)) return { field, values: [condition] };
    if (!isPlainObject(condition)) continue;
    if ('$eq' in condition && isIndexableScalar(condition.$eq))
      return { field, values: [condition.$eq] };
    if (Array.isArray(condition.$in) && condition.$in.every(isIndexableScalar))
      return { field, values: condition.$in };
  }
  return undefined;
}
