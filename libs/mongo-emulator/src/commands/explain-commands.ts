import { changeStreamExplainRefused, isChangeStreamPipeline } from '../change-streams/commands';
import { MongoCommandError } from '../errors';
import { countPlan, emptyStats, executePlan, type ExecutionStats } from '../plan/executor';
import { countStageTree, stageTree } from '../plan/explain-stages';
import type { QueryPlan } from '../plan/plan';
import { shapeOf } from '../plan/planner';
import { analyzeFilter, parsedQueryOf } from '../plan/predicates';
import { applyUpdate, sameDocument } from '../query/update/apply';
import { isPlainObject, numberOf, type Doc } from '../query/values';
import { checkPipeline } from '../query/aggregation/stage-names';
import { pipelineSource } from './aggregate';
import type { CommandContext } from './context';
import { countSelection, distinctSelection, findSelection } from './crud-read';
import { findAndModifyOptions } from './find-and-modify';
import { assertKnownStatementFields } from './known-fields';
import { planSelect } from './select';
import type { TargetSpec } from './write-ops';

/** What explain reports for one command: planner output, and execution stats when it ran. */
export interface ExplainBody {
  queryPlanner?: Doc;
  executionStats?: Doc;
  stages?: Doc[];
}

export type Explainer = (context: CommandContext, run: boolean) => ExplainBody;

/** Eight hex digits naming a string (explain's `queryHash` and `planCacheKey`). */
function hash8(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

function queryPlanner(context: CommandContext, plan: QueryPlan, winningPlan: Doc, rejected: Doc[]) {
  const shape = shapeOf(plan);
  return {
    namespace: context.namespace,
    indexFilterSet: false,
    parsedQuery: parsedQueryOf(plan.analysis ?? analyzeFilter(plan.filter)),
    queryHash: hash8(shape),
    planCacheKey: hash8(`${shape}:${plan.access.kind}`),
    maxIndexedOrSolutionsReached: false,
    maxIndexedAndSolutionsReached: false,
    maxScansToExplodeReached: false,
    winningPlan,
    rejectedPlans: rejected,
  };
}

function executionStats(stats: ExecutionStats, stages: Doc): Doc {
  return {
    executionSuccess: true,
    nReturned: stats.nReturned,
    executionTimeMillis: Math.round(stats.millis),
    totalKeysExamined: stats.keysExamined,
    totalDocsExamined: stats.docsExamined,
    executionStages: stages,
  };
}

/** A find-like read: the plan's stage tree, wrapped by `wrap` (COUNT, UPDATE, DELETE...). */
function explainPlan(
  context: CommandContext,
  plan: QueryPlan,
  tree: (plan: QueryPlan, stats?: ExecutionStats) => Doc,
  run: ((stats: ExecutionStats) => void) | undefined,
): ExplainBody {
  const body: ExplainBody = {
    queryPlanner: queryPlanner(
      context,
      plan,
      tree(plan),
      (plan.rejected ?? []).map((other) => tree(other)),
    ),
  };
  if (run) {
    const stats = emptyStats();
    run(stats);
    body.executionStats = executionStats(stats, tree(plan, stats));
  }
  return body;
}

function find(context: CommandContext, run: boolean): ExplainBody {
  const access = context.access();
  const plan = planSelect(access, findSelection(context));
  const projection = isPlainObject(context.command.projection)
    ? context.command.projection
    : undefined;
  return explainPlan(
    context,
    plan,
    (shown, stats) => stageTree(shown, stats, projection),
    run ? (stats) => executePlan(access, plan, stats) : undefined,
  );
}

function count(context: CommandContext, run: boolean): ExplainBody {
  const access = context.access();
  const plan = planSelect(access, countSelection(context), true);
  return explainPlan(
    context,
    plan,
    countStageTree,
    run ? (stats) => countPlan(access, plan, stats) : undefined,
  );
}

function distinct(context: CommandContext, run: boolean): ExplainBody {
  const access = context.access();
  const plan = planSelect(access, distinctSelection(context));
  return explainPlan(
    context,
    plan,
    (shown, stats) => stageTree(shown, stats),
    run ? (stats) => executePlan(access, plan, stats) : undefined,
  );
}

function aggregate(context: CommandContext, run: boolean): ExplainBody {
  const pipeline = context.command.pipeline;
  if (isChangeStreamPipeline(pipeline)) throw changeStreamExplainRefused();
  checkPipeline(pipeline);
  const { pushed, access, plan } = pipelineSource(context, pipeline as Doc[]);
  if (!access || !plan) return { stages: pipeline as Doc[] };
  const cursor = explainPlan(
    context,
    plan,
    pushed.count ? countStageTree : (shown, stats) => stageTree(shown, stats),
    run
      ? (stats) =>
          pushed.count ? countPlan(access, plan, stats) : executePlan(access, plan, stats)
      : undefined,
  );
  const after = (pipeline as Doc[]).slice(pushed.taken);
  if (after.length === 0) return cursor;
  return { stages: [{ $cursor: cursor }, ...after] };
}

/** The one statement of an update or delete (7.0 explains batches of exactly one). */
function onlyStatement(context: CommandContext, field: 'updates' | 'deletes'): Doc {
  const statements = context.command[field];
  if (!Array.isArray(statements) || statements.length !== 1)
    throw new MongoCommandError('InvalidLength', 'explained write batches must be of size 1');
  const [statement] = statements as unknown[];
  if (!isPlainObject(statement))
    throw new MongoCommandError(
      'TypeMismatch',
      `BSON field '${context.name}.${field}' is the wrong type, expected type 'object'`,
    );
  assertKnownStatementFields(field === 'updates' ? 'update.updates' : 'delete.deletes', statement);
  return statement;
}

interface ExplainedWrite {
  update?: unknown;
  upsert?: boolean;
  arrayFilters?: unknown;
}

/** UPDATE or DELETE over the plan that finds the targets; running it writes nothing. */
function explainWrite(
  context: CommandContext,
  run: boolean,
  target: TargetSpec & { collation: unknown },
  write: ExplainedWrite,
): ExplainBody {
  const access = context.access();
  const collation = context.collationFor(target.collation, access);
  const plan = planSelect(access, {
    filter: target.filter,
    sort: target.multi ? undefined : target.sort,
    limit: target.multi ? 0 : 1,
    hint: target.hint,
    collation,
    variables: context.variables,
  });
  let outcome: Doc = {};
  const tree = (shown: QueryPlan, stats?: ExecutionStats) => ({
    stage: write.update === undefined ? 'DELETE' : 'UPDATE',
    ...(stats ? { nReturned: 0, executionTimeMillisEstimate: Math.round(stats.millis) } : {}),
    ...(stats ? outcome : {}),
    inputStage: stageTree(shown, stats),
  });
  const updateOptions = {
    arrayFilters: write.arrayFilters,
    filter: target.filter,
    variables: context.variables,
    collation,
  };
  return explainPlan(
    context,
    plan,
    tree,
    run
      ? (stats) => {
          const targets = executePlan(access, plan, stats).entries;
          if (write.update === undefined) {
            outcome = { nWouldDelete: targets.length };
            return;
          }
          const modified = targets.filter(
            (entry) =>
              !sameDocument(entry.doc, applyUpdate(entry.doc, write.update, updateOptions)),
          );
          outcome = {
            nMatched: targets.length,
            nWouldModify: modified.length,
            nWouldUpsert: write.upsert === true && targets.length === 0 ? 1 : 0,
          };
        }
      : undefined,
  );
}

function update(context: CommandContext, run: boolean): ExplainBody {
  const statement = onlyStatement(context, 'updates');
  if (statement.u === undefined)
    throw new MongoCommandError(
      'FailedToParse',
      "BSON field 'update.updates.u' is missing but a required field",
    );
  return explainWrite(
    context,
    run,
    {
      filter: statement.q,
      multi: statement.multi === true,
      hint: statement.hint,
      collation: statement.collation,
    },
    {
      update: statement.u,
      upsert: statement.upsert === true,
      arrayFilters: statement.arrayFilters,
    },
  );
}

function remove(context: CommandContext, run: boolean): ExplainBody {
  const statement = onlyStatement(context, 'deletes');
  const limit = statement.limit === undefined ? 0 : numberOf(statement.limit);
  if (limit !== 0 && limit !== 1)
    throw new MongoCommandError(
      'FailedToParse',
      `The limit field in delete objects must be 0 or 1. Got ${limit}`,
    );
  const target = {
    filter: statement.q,
    multi: limit === 0,
    hint: statement.hint,
    collation: statement.collation,
  };
  return explainWrite(context, run, target, {});
}

function findAndModify(context: CommandContext, run: boolean): ExplainBody {
  const command = context.command;
  const { remove: removes, upsert } = findAndModifyOptions(context);
  const target = {
    filter: command.query,
    sort: command.sort,
    multi: false,
    hint: command.hint,
    collation: command.collation,
  };
  if (removes) return explainWrite(context, run, target, {});
  return explainWrite(context, run, target, {
    update: command.update,
    upsert,
    arrayFilters: command.arrayFilters,
  });
}

export const explainers: Record<string, Explainer> = {
  find,
  count,
  distinct,
  aggregate,
  update,
  delete: remove,
  findAndModify,
  findandmodify: findAndModify,
};
