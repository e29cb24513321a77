import { SortKeys } from '../query/sort';
import { canonicalKey, type Value } from '../query/values';
import type { CollectionAccess, DocEntry } from '../storage/access';
import { residualTest, scanKeys } from './index-reads';
import { countUnion, unionEntries } from './or-scan';
import type { IdLookup, IndexScan, QueryPlan } from './plan';
import { textMatches } from './text-plan';

/** What one `$or` branch's scan did. */
export interface BranchStats {
  keysExamined: number;
  /** Keys within bounds whose document the branch had not met (IXSCAN's results). */
  advanced: number;
  dupsDropped: number;
  docsExamined: number;
  /** Documents the branch passed to the union. */
  returned: number;
}

/** What running a plan took, for explain's executionStats. */
export interface ExecutionStats {
  keysExamined: number;
  docsExamined: number;
  /** Keys skipped because their document came earlier (multikey walks). */
  dupsDropped: number;
  /** Documents that passed the filter. */
  matched: number;
  /** Documents fed to an in-memory sort. */
  sorted: number;
  /** What a count counted (counts return no documents). */
  counted: number;
  nReturned: number;
  millis: number;
  /** Per `$or` branch, what its scan did (OR and SORT_MERGE plans). */
  branches: BranchStats[];
  /** Documents the union passed on, and those it dropped as an earlier branch had yielded them. */
  unionReturned: number;
  unionDupsDropped: number;
}

export function emptyStats(): ExecutionStats {
  return {
    keysExamined: 0,
    docsExamined: 0,
    dupsDropped: 0,
    matched: 0,
    sorted: 0,
    counted: 0,
    nReturned: 0,
    millis: 0,
    branches: [],
    unionReturned: 0,
    unionDupsDropped: 0,
  };
}

/**
 * Runs a plan: documents from the access path, filtered by what the bounds do not enforce,
 * then ordered, skipped and limited. Sorted results list documents whose sort keys tie in
 * natural order, whichever path produced them, so plans never change a result.
 */
export function executePlan(access: CollectionAccess, plan: QueryPlan, stats = emptyStats()) {
  const started = performance.now();
  if (plan.access.kind === 'idhack') return lookUp(access, plan, stats, started);
  const matches = filtered(access, plan, stats);
  const wanted = plan.limit > 0 ? plan.skip + plan.limit : Infinity;
  let taken: DocEntry[];
  if (plan.sort && !plan.sortProvided) {
    const all = [...matches];
    stats.sorted = all.length;
    taken = sortedByKeys(all, new SortKeys(plan.sort, plan.collation)).slice(0, wanted);
  } else if (plan.sort && !plan.tiesInOrder)
    taken = takeInOrder(matches, new SortKeys(plan.sort, plan.collation), wanted);
  else taken = take(matches, wanted);
  const entries = taken.slice(plan.skip, wanted);
  stats.nReturned = entries.length;
  stats.millis = performance.now() - started;
  return { entries, stats };
}

/** IDHACK: at most one document, straight from the `_id` map. */
function lookUp(access: CollectionAccess, plan: QueryPlan, stats: ExecutionStats, started: number) {
  const entry = access.entryById(canonicalKey((plan.access as IdLookup).id));
  stats.keysExamined = 1;
  const entries = entry ? [entry] : [];
  stats.docsExamined = stats.matched = stats.nReturned = entries.length;
  stats.millis = performance.now() - started;
  return { entries, stats };
}

/** The number of matching documents after skip and limit, from key counts when possible. */
export function countPlan(access: CollectionAccess, plan: QueryPlan, stats = emptyStats()) {
  const started = performance.now();
  let total: number;
  if (plan.countable && plan.access.kind === 'ixscan') {
    const scan = plan.access;
    total = access.countKeys(scan.index, scan.boxes, plan.delta);
    stats.keysExamined = total;
  } else if (plan.countable && plan.access.kind === 'or') {
    total = countUnion(access, plan.access, plan.delta, stats);
  } else if (plan.countable) {
    total = access.countAll(plan.delta);
  } else {
    const wanted = plan.limit > 0 ? plan.skip + plan.limit : Infinity;
    total = 0;
    for (const _entry of filtered(access, plan, stats)) if (++total >= wanted) break;
  }
  const n = Math.max(0, Math.min(total - plan.skip, plan.limit > 0 ? plan.limit : Infinity));
  stats.counted = n;
  stats.millis = performance.now() - started;
  return { n, stats };
}

/** Documents that pass the filter's unenforced part. */
function* filtered(access: CollectionAccess, plan: QueryPlan, stats: ExecutionStats) {
  const passes = residualTest(plan, plan.variables, plan.collation);
  for (const entry of candidates(access, plan, stats)) {
    if (passes && !passes(entry.doc)) continue;
    stats.matched += 1;
    yield entry;
  }
}

/** The documents the access path yields, counted as examined. */
function candidates(
  access: CollectionAccess,
  plan: QueryPlan,
  stats: ExecutionStats,
): Iterable<DocEntry> {
  const path = plan.access;
  if (path.kind === 'idhack') {
    stats.keysExamined += 1;
    const entry = access.entryById(canonicalKey(path.id));
    stats.docsExamined += entry ? 1 : 0;
    return entry ? [entry] : [];
  }
  if (path.kind === 'ixscan') return fetched(access, path, plan, stats);
  if (path.kind === 'or') return unionEntries(access, path, plan, stats);
  if (path.kind === 'text') return textMatches(access, path, plan, stats);
  return scanned(path.direction === 1 ? access.scan() : [...access.scan()].reverse(), stats);
}

function* scanned(source: Iterable<DocEntry>, stats: ExecutionStats) {
  for (const entry of source) {
    stats.docsExamined += 1;
    yield entry;
  }
}

function* fetched(
  access: CollectionAccess,
  scan: IndexScan,
  plan: QueryPlan,
  stats: ExecutionStats,
) {
  const accepts = scan.boxes[0]?.accepts;
  const seen = scan.multikey ? new Set<string>() : undefined;
  for (const key of scanKeys(access, scan, plan.delta)) {
    stats.keysExamined += 1;
    if (accepts && !accepts(key.values)) continue;
    if (seen) {
      if (seen.has(key.id)) {
        stats.dupsDropped += 1;
        continue;
      }
      seen.add(key.id);
    }
    stats.docsExamined += 1;
    yield access.fetch(key);
  }
}

function take(entries: Iterable<DocEntry>, wanted: number): DocEntry[] {
  const out: DocEntry[] = [];
  if (wanted <= 0) return out;
  for (const entry of entries) if (out.push(entry) >= wanted) break;
  return out;
}

/** Entries already in sort order: each run of tied sort keys is put in natural order. */
function takeInOrder(entries: Iterable<DocEntry>, keys: SortKeys, wanted: number): DocEntry[] {
  const out: DocEntry[] = [];
  let run: DocEntry[] = [];
  let runKey: Value[] = [];
  for (const entry of entries) {
    const key = keys.of(entry.doc, entry.score);
    if (run.length > 0 && keys.compare(key, runKey) !== 0) {
      out.push(...run.sort(byRecordId));
      run = [];
      if (out.length >= wanted) return out;
    }
    if (run.length === 0) runKey = key;
    run.push(entry);
  }
  out.push(...run.sort(byRecordId));
  return out;
}

function sortedByKeys(entries: DocEntry[], keys: SortKeys): DocEntry[] {
  const keyed = entries.map((entry) => ({ entry, key: keys.of(entry.doc, entry.score) }));
  keyed.sort((a, b) => keys.compare(a.key, b.key) || a.entry.rid - b.entry.rid);
  return keyed.map((item) => item.entry);
}

function byRecordId(a: DocEntry, b: DocEntry): number {
  return a.rid - b.rid;
}
