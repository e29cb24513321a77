import { SortKeys } from '../query/sort';
import type { Value } from '../query/values';
import type { CollectionAccess, DocEntry } from '../storage/access';
import type { BranchStats, ExecutionStats } from './executor';
import { residualTest, scanKeys } from './index-reads';
import type { OrBranch, OrScan, QueryPlan } from './plan';

/**
 * The documents of an `$or` union, each once: the branches one after the other (OR), or
 * merged in the query's sort order (SORT_MERGE), a document met again dropped by record id.
 * A branch skips the keys of documents already yielded without fetching them.
 */
export function* unionEntries(
  access: CollectionAccess,
  scan: OrScan,
  plan: QueryPlan,
  stats: ExecutionStats,
): Generator<DocEntry> {
  const yielded = new Set<string>();
  const walks = scan.branches.map((branch) =>
    branchEntries(access, branch, plan, yielded, stats, branchStatsIn(stats)),
  );
  const source = scan.merged
    ? mergedInOrder(walks, new SortKeys(plan.sort ?? [], plan.collation))
    : oneAfterAnother(walks);
  for (const entry of source) {
    if (yielded.has(entry.id)) {
      stats.unionDupsDropped += 1;
      continue;
    }
    yielded.add(entry.id);
    stats.unionReturned += 1;
    yield entry;
  }
}

function* oneAfterAnother(walks: Iterable<DocEntry>[]) {
  for (const walk of walks) yield* walk;
}

/** A new branch's counters, listed in the run's stats. */
function branchStatsIn(stats: ExecutionStats): BranchStats {
  const own = { keysExamined: 0, advanced: 0, dupsDropped: 0, docsExamined: 0, returned: 0 };
  stats.branches.push(own);
  return own;
}

/** One branch's documents in its index order, those its own conditions reject left out. */
function* branchEntries(
  access: CollectionAccess,
  branch: OrBranch,
  plan: QueryPlan,
  yielded: Set<string>,
  stats: ExecutionStats,
  own: BranchStats,
): Generator<DocEntry> {
  const { scan } = branch;
  const accepts = scan.boxes[0]?.accepts;
  const met = scan.multikey ? new Set<string>() : undefined;
  const passes = residualTest(branch.left, plan.variables, plan.collation);
  for (const key of scanKeys(access, scan, plan.delta)) {
    stats.keysExamined += 1;
    own.keysExamined += 1;
    if (accepts && !accepts(key.values)) continue;
    if (met) {
      if (met.has(key.id)) {
        stats.dupsDropped += 1;
        own.dupsDropped += 1;
        continue;
      }
      met.add(key.id);
    }
    own.advanced += 1;
    if (yielded.has(key.id)) {
      own.returned += 1;
      stats.unionDupsDropped += 1;
      continue;
    }
    const entry = access.fetch(key);
    stats.docsExamined += 1;
    own.docsExamined += 1;
    if (passes && !passes(entry.doc)) continue;
    own.returned += 1;
    yield entry;
  }
}

/** Branches each in sort order, merged into one sequence in that order (ties by record id). */
function* mergedInOrder(walks: Iterator<DocEntry>[], keys: SortKeys): Generator<DocEntry> {
  type Head = { entry: DocEntry; key: Value[] } | undefined;
  const advance = (walk: Iterator<DocEntry>): Head => {
    const next = walk.next();
    return next.done ? undefined : { entry: next.value, key: keys.of(next.value.doc) };
  };
  const heads = walks.map(advance);
  for (;;) {
    let next = -1;
    for (let i = 0; i < heads.length; i++) {
      const head = heads[i];
      if (!head) continue;
      const best = heads[next];
      if (
        !best ||
        keys.compare(head.key, best.key) < 0 ||
        (keys.compare(head.key, best.key) === 0 && head.entry.rid < best.entry.rid)
      )
        next = i;
    }
    if (next < 0) return;
    yield heads[next]!.entry;
    heads[next] = advance(walks[next]);
  }
}

/**
 * The number of documents whose keys lie in some branch's bounds, read from the keys alone
 * (the branches' bounds cover the whole filter).
 */
export function countUnion(
  access: CollectionAccess,
  scan: OrScan,
  delta: QueryPlan['delta'],
  stats: ExecutionStats,
): number {
  const counted = new Set<string>();
  for (const branch of scan.branches) {
    const accepts = branch.scan.boxes[0]?.accepts;
    const met = branch.scan.multikey ? new Set<string>() : undefined;
    const own = branchStatsIn(stats);
    for (const key of access.indexKeys(branch.scan.index, branch.scan.boxes, 1, delta)) {
      stats.keysExamined += 1;
      own.keysExamined += 1;
      if (accepts && !accepts(key.values)) continue;
      if (met?.has(key.id)) {
        stats.dupsDropped += 1;
        own.dupsDropped += 1;
        continue;
      }
      met?.add(key.id);
      own.advanced += 1;
      own.returned += 1;
      if (counted.has(key.id)) stats.unionDupsDropped += 1;
      else counted.add(key.id);
    }
  }
  stats.unionReturned = counted.size;
  return counted.size;
}
