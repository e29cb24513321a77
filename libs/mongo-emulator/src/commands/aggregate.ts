import type { Document } from 'bson';
import { isChangeStreamPipeline, openChangeStream } from '../change-streams/commands';
import { MongoCommandError } from '../errors';
import { runPipeline } from '../query/aggregation/engine';
import { checkPipeline } from '../query/aggregation/stage-names';
import { deepClone, isPlainObject, numberOf, type Doc } from '../query/values';
import type { CommandContext } from './context';
import { openCursor } from './crud-read';
import { pushDown } from './aggregate-pushdown';
import { planSelect, selectDocuments } from './select';
import { countPlan, executePlan } from '../plan/executor';
import { mergeInto, replaceCollection, type OutputTarget } from './aggregate-output';
import type { CommandTable } from './types';
import {
  carryingTextScore,
  checkTextStages,
  readingTextScores,
  usesTextScore,
  withoutTextScores,
} from './aggregate-text-score';
import { textScoreUnavailable } from '../plan/text-plan';

function outputStage(
  context: CommandContext,
  pipeline: Doc[],
): { stages: Doc[]; output?: OutputTarget } {
  const last = pipeline[pipeline.length - 1];
  if (!last) return { stages: pipeline };
  const stages = pipeline.slice(0, -1);
  if ('$out' in last) {
    const out = last.$out;
    const target = isPlainObject(out)
      ? { db: String(out.db ?? context.db), coll: String(out.coll) }
      : { db: context.db, coll: String(out) };
    return { stages, output: { kind: 'out', ...target } };
  }
  if ('$merge' in last) {
    const spec = isPlainObject(last.$merge) ? last.$merge : { into: last.$merge };
    const into = spec.into;
    const target = isPlainObject(into)
      ? { db: String(into.db ?? context.db), coll: String(into.coll) }
      : { db: context.db, coll: String(into) };
    return { stages, output: { kind: 'merge', ...target, spec } };
  }
  for (const stage of pipeline) {
    if ('$out' in stage || '$merge' in stage)
      throw new MongoCommandError(
        'OutputStageNotLast',
        `${Object.keys(stage)[0]} can only be the final stage in the pipeline`,
      );
  }
  return { stages: pipeline };
}

/** The pipeline's input: the collection through its pushed-down query, or `$documents`. */
export function pipelineSource(context: CommandContext, stages: Doc[]) {
  checkTextStages(stages);
  const onCollection = typeof context.command.aggregate === 'string';
  const access = onCollection ? context.access() : undefined;
  const collation = context.collationFor(context.command.collation, access);
  const pushed = onCollection
    ? pushDown(stages, context.command.hint, context.variables, collation)
    : { select: {}, taken: 0, rest: stages };
  const plan = access ? planSelect(access, pushed.select, pushed.count !== undefined) : undefined;
  return { pushed, access, plan, collation };
}

/**
 * Runs the stages over the collection (none for `aggregate: 1`): the leading `$match`, `$sort`,
 * `$skip` and `$limit` run as a planned query (on indexes when they can), the rest on the
 * aggregation engine.
 */
function runStages(context: CommandContext, stages: Doc[]): Doc[] {
  const { pushed, access, plan, collation } = pipelineSource(context, stages);
  const scored = plan?.access.kind === 'text' && !pushed.count;
  if (!scored && usesTextScore(pushed.rest)) throw textScoreUnavailable();
  let input: Doc[] = [];
  if (access && plan && pushed.count) {
    const n = countPlan(access, plan).n;
    input = n > 0 ? [pushed.count.output(n)] : [];
  } else if (access && plan) {
    const entries = executePlan(access, plan).entries;
    if (pushed.rest.length === 0) return entries.map((entry) => entry.doc);
    input = entries.map((entry) =>
      scored ? carryingTextScore(entry.view, entry.score) : entry.view,
    );
  }
  if (pushed.rest.length === 0) return input;
  if (scored)
    return withoutTextScores(runRest(context, readingTextScores(pushed.rest), input, collation));
  return runRest(context, pushed.rest, input, collation);
}

function runRest(
  context: CommandContext,
  stages: Doc[],
  input: Doc[],
  collation: ReturnType<CommandContext['collationFor']>,
): Doc[] {
  return runPipeline(stages, input, {
    variables: context.variables,
    collation,
    collectionResolver: (name) =>
      selectDocuments(context.access(name), {}).map((entry) => deepClone(entry.view)),
  });
}

async function aggregate(context: CommandContext): Promise<Document> {
  const pipeline = context.command.pipeline;
  if (isChangeStreamPipeline(pipeline)) return openChangeStream(context);
  checkPipeline(pipeline);
  if (!isPlainObject(context.command.cursor) && context.command.explain !== true) {
    throw new MongoCommandError(
      'FailedToParse',
      "The 'cursor' option is required, except for aggregate with the explain argument",
    );
  }
  const { stages, output } = outputStage(context, pipeline as Doc[]);
  if (output && context.txn)
    throw new MongoCommandError(
      'OperationNotSupportedInTransaction',
      `${output.kind === 'out' ? '$out' : '$merge'} cannot be used in a transaction`,
    );
  const results = runStages(context, stages);
  const namespace =
    typeof context.command.aggregate === 'string'
      ? context.namespace
      : `${context.db}.$cmd.aggregate`;
  if (output?.kind === 'out') {
    replaceCollection(context, output, results);
    return openCursor(context, namespace, [], Infinity);
  }
  if (output?.kind === 'merge') {
    await mergeInto(context, output, results);
    return openCursor(context, namespace, [], Infinity);
  }
  const cursorOptions = isPlainObject(context.command.cursor) ? context.command.cursor : {};
  const batchSize = cursorOptions.batchSize === undefined ? 101 : numberOf(cursorOptions.batchSize);
  return openCursor(context, namespace, results, batchSize);
}

export const aggregateCommands: CommandTable = { aggregate };
