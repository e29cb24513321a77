import { Context } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query } from 'mingo/query';
import { MongoCommandError } from '../errors';
import { jsonSchemaValidator } from './json-schema';
import { cacheKeyOf } from './cache-key';
import { queryContext, rewriteTypeOperators } from './type-operator';
import { isPlainObject, toView, type Doc } from './values';

export interface Matcher {
  test(view: Doc): boolean;
}

const MATCH_ALL: Matcher = { test: () => true };

/**
 * Operator tables built once: mingo's own wrapper would merge every table into a fresh context
 * for each query, which cost more than the rest of a point query. Filters without `$expr` need
 * only the query operators, which are cheap to copy.
 */
const FILTER_CONTEXT = Context.from(Context.init({ query: queryOperators }), queryContext);
const EXPRESSION_FILTER_CONTEXT = Context.from(
  Context.init({
    accumulator: accumulatorOperators,
    expression: expressionOperators,
    pipeline: pipelineOperators,
    projection: projectionOperators,
    query: queryOperators,
    window: windowOperators,
  }),
  queryContext,
);

const CACHE_LIMIT = 1000;
/** Compiled filters by their exact text (least recently used dropped first). */
const compiled = new Map<string, Matcher>();

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

/**
 * Compiles a filter (stored form) into a predicate over document views. Compiled filters are
 * cached by their exact text unless they read variables or evaluate expressions (`$expr` may
 * read `$$NOW`, which a cached query would freeze).
 */
export function compileFilter(filter: unknown, variables?: Doc): Matcher {
  if (filter === undefined || filter === null) return MATCH_ALL;
  if (!isPlainObject(filter))
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'filter' is the wrong type, expected type 'object'",
    );
  const view = rewriteTypeOperators(toView(filter)) as Doc;
  if (Object.keys(view).length === 0) return MATCH_ALL;
  const expressions = usesExpressions(view);
  const key = variables || expressions ? undefined : cacheKeyOf(view);
  const cached = key === undefined ? undefined : compiled.get(key);
  if (cached) {
    compiled.delete(key!);
    compiled.set(key!, cached);
    return cached;
  }
  const matcher = compileView(view, expressions, variables);
  if (key !== undefined) {
    compiled.set(key, matcher);
    if (compiled.size > CACHE_LIMIT) compiled.delete(compiled.keys().next().value as string);
  }
  return matcher;
}

function compileView(view: Doc, expressions: boolean, variables?: Doc): Matcher {
  let query: Query;
  try {
    query = new Query(view, {
      jsonSchemaValidator,
      context: expressions ? EXPRESSION_FILTER_CONTEXT : FILTER_CONTEXT,
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
  };
}

/** Whether a filter holds `$expr` or `$where` anywhere (they evaluate expressions). */
function usesExpressions(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(usesExpressions);
  if (!isPlainObject(value)) return false;
  for (const key of Object.keys(value)) {
    if (key === '$expr' || key === '$where' || usesExpressions(value[key])) return true;
  }
  return false;
}
