import { MongoCommandError } from '../errors';
import { countPlan, emptyStats, executePlan, type ExecutionStats } from '../plan/executor';
import { countStageTree, stageTree } from '../plan/explain-stages';
import type { QueryPlan } from '../plan/plan';
import { shapeOf } from '../plan/planner';
import { analyzeFilter, parsedQueryOf } from '../plan/predicates';
import { applyUpdate, sameDocument } from '../query/update/apply';
import { isPlainObject, numberOf, type Doc } from '../query/values';
import { pipelineSource } from './aggregate';
import type { CommandContext } from './context';
import { countSelection, findSelection } from './crud-read';
import { planSelect } from './select';

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
  const plan = planSelect(access, countSelection(context.command), true);
  return explainPlan(
    context,
    plan,
    countStageTree,
    run ? (stats) => countPlan(access, plan, stats) : undefined,
  );
}

function distinct(context: CommandContext, run: boolean): ExplainBody {
  const access = context.access();
  const plan = planSelect(access, {
    filter: context.command.query,
    collation: context.command.collation,
  });
  return explainPlan(
    context,
    plan,
    (shown, stats) => stageTree(shown, stats),
    run ? (stats) => executePlan(access, plan, stats) : undefined,
  );
}

function aggregate(context: CommandContext, run: boolean): ExplainBody {
  const pipeline = context.command.pipeline;
  if (!Array.isArray(pipeline))
    throw new MongoCommandError('TypeMismatch', "'pipeline' option must be specified as an array");
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

/** The first statement of an update or delete, as MongoDB explains it. */
function firstStatement(context: CommandContext, field: string): Doc {
  const statements = context.command[field];
  const first: unknown = Array.isArray(statements) ? statements[0] : undefined;
  if (!isPlainObject(first))
    throw new MongoCommandError('InvalidLength', `explain of ${context.name} needs one statement`);
  return first;
}

/** UPDATE or DELETE over the plan that finds the targets; running it writes nothing. */
function explainWrite(
  context: CommandContext,
  run: boolean,
  target: { filter: unknown; sort?: unknown; multi: boolean; hint?: unknown; collation?: unknown },
  write: { update?: unknown; upsert?: boolean; arrayFilters?: unknown },
): ExplainBody {
  const access = context.access();
  const plan = planSelect(access, {
    filter: target.filter,
    sort: target.sort,
    limit: target.multi ? 0 : 1,
    hint: target.hint,
    collation: target.collation,
    variables: context.variables,
  });
  let outcome: Doc = {};
  const tree = (shown: QueryPlan, stats?: ExecutionStats) => ({
    stage: write.update === undefined ? 'DELETE' : 'UPDATE',
    ...(stats ? { nReturned: 0, executionTimeMillisEstimate: Math.round(stats.millis) } : {}),
    ...(stats ? outcome : {}),
    inputStage: stageTree(shown, stats),
  });
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
          const options = { arrayFilters: write.arrayFilters, filter: target.filter };
          const modified = targets.filter(
            (entry) => !sameDocument(entry.doc, applyUpdate(entry.doc, write.update, options)),
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
  const statement = firstStatement(context, 'updates');
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
  const statement = firstStatement(context, 'deletes');
  const multi = statement.limit === undefined || numberOf(statement.limit) === 0;
  const target = {
    filter: statement.q,
    multi,
    hint: statement.hint,
    collation: statement.collation,
  };
  return explainWrite(context, run, target, {});
}

function findAndModify(context: CommandContext, run: boolean): ExplainBody {
  const command = context.command;
  const target = {
    filter: command.query,
    sort: command.sort,
    multi: false,
    hint: command.hint,
    collation: command.collation,
  };
  if (command.remove === true) return explainWrite(context, run, target, {});
  return explainWrite(context, run, target, {
    update: command.update,
    upsert: command.upsert === true,
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
