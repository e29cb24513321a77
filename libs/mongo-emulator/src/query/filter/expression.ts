import type { Options } from 'mingo/types';
import { engineOptions, evaluateExpression } from '../aggregation/engine';
import { toView, type Value } from '../values';
import type { FilterContext } from './compile';

/** Truthiness of an aggregation result: false, null, missing and zero are false. */
function isTrue(value: Value): boolean {
  if (value === false || value === null || value === undefined) return false;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return true;
}

/** `$expr`: an aggregation expression evaluated against the document. */
export function expressionTest(expression: Value, context: FilterContext) {
  const options: Partial<Options> =
    context.expressionOptions ??
    engineOptions({ variables: context.variables, collation: context.collation });
  return (doc: Value): boolean =>
    isTrue(evaluateExpression(expression, toView(doc) as never, options));
}
