import { canonicalKey, type Doc } from '../query/values';
import type { Index } from '../storage/index';
import { formatBounds, formatKeyRange } from './bounds';
import type { ExecutionStats } from './executor';
import { pointInterval, type Interval } from './intervals';
import type { IndexScan, OrScan, QueryPlan, TextScan } from './plan';

/** MongoDB's default memory limit of a blocking sort, shown by SORT stages. */
const SORT_MEMORY_LIMIT = 104_857_600;

/** Explain's `direction` of a scan. */
function directionName(direction: 1 | -1): string {
  return direction === 1 ? 'forward' : 'backward';
}

function sortPattern(plan: QueryPlan): Doc {
  return Object.fromEntries(
    (plan.sort ?? []).map(([path, direction, meta]) => [path, meta ? { $meta: meta } : direction]),
  );
}

/** The fields of an IXSCAN or COUNT_SCAN that describe its index. */
function indexFields(index: Index, multikey: boolean): Doc {
  return {
    keyPattern: index.spec.key,
    indexName: index.name,
    isMultiKey: multikey,
    multiKeyPaths: Object.fromEntries(
      index.fields.map((field, i) => [field, index.isMultikeyField(i) ? [field] : []]),
    ),
    isUnique: index.unique,
    isSparse: index.sparse,
    isPartial: index.isPartial,
    indexVersion: 2,
  };
}

/** Per-stage execution counters, added when the plan ran (executionStats verbosity). */
function counters(stats: ExecutionStats | undefined, nReturned: number, extra: Doc = {}): Doc {
  if (!stats) return {};
  return {
    nReturned,
    executionTimeMillisEstimate: Math.round(stats.millis),
    works: nReturned + 1,
    advanced: nReturned,
    needTime: 0,
    needYield: 0,
    saveState: 0,
    restoreState: 0,
    isEOF: 1,
    ...extra,
  };
}

function indexScanStage(scan: IndexScan, stats: ExecutionStats | undefined): Doc {
  const scanCounters = counters(stats, stats?.docsExamined ?? 0, {
    keysExamined: stats?.keysExamined,
    seeks: scan.boxes.length,
    dupsTested: scan.multikey ? stats?.keysExamined : 0,
    dupsDropped: stats?.dupsDropped,
  });
  const stage = (bounds: Interval[][], withCounters: boolean) => ({
    stage: 'IXSCAN',
    ...indexFields(scan.index, scan.multikey),
    direction: directionName(scan.direction),
    indexBounds: formatBounds(scan.index, bounds, scan.direction),
    ...(withCounters ? scanCounters : {}),
  });
  const prefix = scan.mergePrefix;
  if (prefix === undefined) return stage(scan.bounds, true);
  const walks = new Map<string, Interval[][]>();
  for (const box of scan.boxes) {
    const values = box.start.values.slice(0, prefix);
    walks.set(
      canonicalKey(values),
      scan.bounds.map((intervals, i) => (i < prefix ? [pointInterval(values[i])] : intervals)),
    );
  }
  return {
    stage: 'SORT_MERGE',
    sortPattern: Object.fromEntries(
      scan.index.fields
        .slice(prefix)
        .map((field, i) => [field, scan.index.directions[prefix + i] * scan.direction]),
    ),
    ...scanCounters,
    inputStages: [...walks.values()].map((bounds) => stage(bounds, false)),
  };
}

/** The stage that produces documents: IDHACK, COLLSCAN, or FETCH over an index scan. */
function accessStage(plan: QueryPlan, stats: ExecutionStats | undefined): Doc {
  const path = plan.access;
  const filter = plan.residual ? { filter: plan.residual } : {};
  const matched = stats?.matched ?? 0;
  if (path.kind === 'idhack') {
    return {
      stage: 'IDHACK',
      ...counters(stats, matched, {
        keysExamined: stats?.keysExamined,
        docsExamined: stats?.docsExamined,
      }),
    };
  }
  if (path.kind === 'collscan') {
    return {
      stage: 'COLLSCAN',
      ...filter,
      direction: directionName(path.direction),
      ...counters(stats, matched, { docsExamined: stats?.docsExamined }),
    };
  }
  if (path.kind === 'text') return textStages(path, filter, stats);
  return {
    stage: 'FETCH',
    ...filter,
    ...counters(stats, matched, { docsExamined: stats?.docsExamined, alreadyHasObj: 0 }),
    inputStage: path.kind === 'or' ? unionStage(plan, path, stats) : indexScanStage(path, stats),
  };
}

/**
 * An `$or` union: OR (or SORT_MERGE with the sort's pattern) over one IXSCAN per branch, under
 * a FETCH with the branch's own conditions when its bounds leave some.
 */
function unionStage(plan: QueryPlan, scan: OrScan, stats: ExecutionStats | undefined): Doc {
  const branches = scan.branches.map((branch, i) => {
    const own = stats?.branches[i];
    const scanStats = stats && {
      ...stats,
      keysExamined: own?.keysExamined ?? 0,
      docsExamined: own?.advanced ?? 0,
      dupsDropped: own?.dupsDropped ?? 0,
    };
    const keys = indexScanStage(branch.scan, scanStats);
    if (branch.left.residual === undefined) return keys;
    return {
      stage: 'FETCH',
      filter: branch.left.residual,
      ...counters(stats, own?.returned ?? 0, {
        docsExamined: own?.docsExamined,
        alreadyHasObj: 0,
      }),
      inputStage: keys,
    };
  });
  const returned = stats?.unionReturned ?? 0;
  const dropped = stats?.unionDupsDropped ?? 0;
  return {
    stage: scan.merged ? 'SORT_MERGE' : 'OR',
    ...(scan.merged ? { sortPattern: sortPattern(plan) } : {}),
    ...counters(stats, returned, { dupsTested: returned + dropped, dupsDropped: dropped }),
    inputStages: branches,
  };
}

/**
 * A `$text` query as MongoDB shows it: TEXT_MATCH (the parsed search) over a FETCH (with the
 * rest of the filter) over one backward IXSCAN of the text index per term, joined by TEXT_OR.
 */
function textStages(scan: TextScan, filter: Doc, stats: ExecutionStats | undefined): Doc {
  const { query, index } = scan;
  const keysExamined = stats?.keysExamined ?? 0;
  const termScans = query.termsForBounds.map(() => ({
    stage: 'IXSCAN',
    ...indexFields(index, true),
    direction: 'backward',
    indexBounds: {},
  }));
  const keys =
    termScans.length === 1
      ? termScans[0]
      : {
          stage: 'TEXT_OR',
          ...counters(stats, stats?.docsExamined ?? 0, { docsExamined: stats?.docsExamined }),
          inputStages: termScans,
        };
  return {
    stage: 'TEXT_MATCH',
    indexPrefix: {},
    indexName: index.name,
    parsedTextQuery: {
      terms: [...query.terms].sort(),
      negatedTerms: [...query.negatedTerms].sort(),
      phrases: query.phrases,
      negatedPhrases: query.negatedPhrases,
    },
    textIndexVersion: 3,
    ...counters(stats, stats?.matched ?? 0, { keysExamined }),
    inputStage: {
      stage: 'FETCH',
      ...filter,
      ...counters(stats, stats?.matched ?? 0, { docsExamined: stats?.docsExamined }),
      inputStage: keys,
    },
  };
}

/**
 * The stage tree of a find-like plan in MongoDB 7.0's classic-engine shape: the access stage,
 * then a blocking SORT (which absorbs the limit), SKIP, LIMIT and projection. With `stats` the
 * stages carry the counters of the run.
 */
export function stageTree(plan: QueryPlan, stats?: ExecutionStats, projection?: Doc): Doc {
  let tree = accessStage(plan, stats);
  let flowing = stats?.matched ?? 0;
  const wanted = plan.limit > 0 ? plan.skip + plan.limit : undefined;
  if (plan.sort && !plan.sortProvided) {
    flowing = Math.min(flowing, wanted ?? flowing);
    tree = {
      stage: 'SORT',
      sortPattern: sortPattern(plan),
      memLimit: SORT_MEMORY_LIMIT,
      ...(wanted !== undefined ? { limitAmount: wanted } : {}),
      type: 'simple',
      ...counters(stats, flowing, { totalDataSizeSorted: 0, usedDisk: false, spills: 0 }),
      inputStage: tree,
    };
  }
  if (plan.skip > 0) {
    flowing = Math.max(0, flowing - plan.skip);
    tree = { stage: 'SKIP', skipAmount: plan.skip, ...counters(stats, flowing), inputStage: tree };
  }
  if (plan.limit > 0 && (!plan.sort || plan.sortProvided)) {
    tree = {
      stage: 'LIMIT',
      limitAmount: plan.limit,
      ...counters(stats, stats?.nReturned ?? 0),
      inputStage: tree,
    };
  }
  if (projection && Object.keys(projection).length > 0) {
    tree = {
      stage: 'PROJECTION_DEFAULT',
      transformBy: projection,
      ...counters(stats, stats?.nReturned ?? 0),
      inputStage: tree,
    };
  }
  return underSubplan(plan, tree, stats, stats?.nReturned ?? 0);
}

/** A filter that is one `$or` runs under MongoDB's SUBPLAN stage, whatever plan it chose. */
function underSubplan(
  plan: QueryPlan,
  tree: Doc,
  stats: ExecutionStats | undefined,
  nReturned: number,
): Doc {
  if (!plan.subplanned) return tree;
  return { stage: 'SUBPLAN', ...counters(stats, nReturned), inputStage: tree };
}

/**
 * COUNT over COUNT_SCAN when keys are counted, RECORD_STORE_FAST_COUNT when the number of
 * documents is the answer, else COUNT over the plan that finds the documents.
 */
export function countStageTree(plan: QueryPlan, stats?: ExecutionStats): Doc {
  const scan = plan.access;
  if (plan.countable && scan.kind === 'collscan')
    return {
      stage: 'RECORD_STORE_FAST_COUNT',
      ...counters(stats, 0, { nCounted: stats?.counted, nSkipped: plan.skip }),
    };
  let input: Doc;
  if (plan.countable && scan.kind === 'ixscan') {
    input = {
      stage: 'COUNT_SCAN',
      ...indexFields(scan.index, scan.multikey),
      indexBounds:
        scan.boxes.length === 1
          ? formatKeyRange(scan.index, scan.boxes[0])
          : formatBounds(scan.index, scan.bounds, 1),
      ...counters(stats, 0, { keysExamined: stats?.keysExamined }),
    };
  } else if (plan.countable && scan.kind === 'or') input = unionStage(plan, scan, stats);
  else input = accessStage(plan, stats);
  return {
    stage: 'COUNT',
    ...counters(stats, 0, { nCounted: stats?.counted, nSkipped: plan.skip }),
    inputStage: underSubplan(plan, input, stats, 0),
  };
}
