import { Aggregator } from 'mingo/aggregator';
import { Context, evalExpr, ProcessingMode } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import type { CollationSpec, Options } from 'mingo/types';
import { MongoCommandError } from '../../errors';
import type { Collation } from '../collation';
import { translateMingoError } from '../mingo-errors';
import { deepClone, normalizeIncoming, toView, type Doc, type Value } from '../values';
import { emulatorAccumulators, emulatorExpressions } from './arithmetic';
import { emulatorStages } from './stages';

/**
 * Aggregation runs on mingo with MongoDB's semantics put back where mingo differs: `$match` is
 * the emulator's own matcher, `$sort` and `$group` use MongoDB's value order and equality (with
 * collation), and numeric operators handle Decimal128 exactly. The operator table is built here
 * once (emulator operators replacing mingo's of the same name) and passed to every run.
 */
/** Server-side JavaScript (`$function`, `$accumulator`) is not something the emulator runs. */
function serverSideJavaScript(name: string) {
  return (): never => {
    throw new MongoCommandError(
      'NotImplemented',
      `${name} is not supported by this MongoDB emulator`,
    );
  };
}

const context = Context.init({
  accumulator: {
    ...accumulatorOperators,
    ...emulatorAccumulators,
    $accumulator: serverSideJavaScript('$accumulator'),
  },
  expression: {
    ...expressionOperators,
    ...emulatorExpressions,
    $function: serverSideJavaScript('$function'),
  },
  pipeline: { ...pipelineOperators, ...emulatorStages },
  projection: { ...projectionOperators },
  query: { ...queryOperators },
  window: { ...windowOperators },
});

export interface EngineOptions {
  variables?: Doc;
  collation?: Collation;
  /** Documents of another collection, for `$lookup`, `$unionWith`, `$graphLookup`. */
  collectionResolver?: (name: string) => Doc[];
}

/** mingo options for a run: the emulator's operators, collation and `let` variables (as views). */
export function engineOptions(options: EngineOptions = {}): Partial<Options> {
  return {
    context,
    processingMode: ProcessingMode.CLONE_OFF,
    scriptEnabled: false,
    ...(options.collation ? { collation: options.collation as unknown as CollationSpec } : {}),
    ...(options.variables ? { variables: toView(options.variables) as Doc } : {}),
    ...(options.collectionResolver ? { collectionResolver: options.collectionResolver } : {}),
  };
}

/** The collation a mingo run was given (see {@link engineOptions}). */
export function collationOf(options: Partial<Options> | undefined): Collation | undefined {
  return options?.collation as unknown as Collation | undefined;
}

/**
 * Runs a pipeline over documents (typed or views, never changed) and returns the results in
 * typed form.
 */
export function runPipeline(pipeline: Doc[], documents: Doc[], options: EngineOptions = {}): Doc[] {
  try {
    const input = documents.map((doc) => deepClone(toView(doc)) as Doc);
    return new Aggregator(toView(pipeline) as Doc[], engineOptions(options))
      .run(input)
      .map((doc) => normalizeIncoming(doc) as Doc);
  } catch (error) {
    throw translateMingoError(error);
  }
}

/** Evaluates one aggregation expression against a document (view form). */
export function evaluateExpression(expression: Value, doc: Doc, options: Partial<Options>): Value {
  try {
    return evalExpr(doc, expression, options as Options);
  } catch (error) {
    throw translateMingoError(error);
  }
}
