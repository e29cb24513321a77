import type { Collation } from '../query/collation';
import { compileFilter, type Matcher } from '../query/matcher';
import { SortKeys } from '../query/sort';
import { canonicalKey, type Doc, type Value } from '../query/values';
import type { CollectionAccess, DocEntry, ScanKey } from '../storage/access';
import { compareKeyValues, keysAtPath } from '../storage/index-keys';
import type { KeyBox } from '../storage/index';
import { intervalsContain, type Interval } from './intervals';
import type { IdLookup, IndexScan, QueryPlan } from './plan';
import { textMatches } from './text-plan';

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

/**
 * Documents that pass the filter's unenforced part: exact conditions are checked on the
 * document's key values (whatever their operands, nothing to compile), the rest by the matcher.
 */
function* filtered(access: CollectionAccess, plan: QueryPlan, stats: ExecutionStats) {
  const { variables, collation } = plan;
  const matcher: Matcher | undefined = plan.matcherFilter
    ? compileFilter(plan.matcherFilter, { variables, collation })
    : undefined;
  const checks = plan.keyChecks?.map((predicate) => ({
    parts: predicate.path.split('.'),
    intervals: predicate.intervals,
  }));
  for (const entry of candidates(access, plan, stats)) {
    if (
      checks &&
      !checks.every((check) => holdsKeyIn(entry.doc, check.parts, check.intervals, collation))
    )
      continue;
    if (matcher && !matcher.test(entry.doc)) continue;
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
  const keys =
    scan.mergePrefix === undefined
      ? access.indexKeys(scan.index, scan.boxes, scan.direction, plan.delta)
      : mergedKeys(access, scan, plan);
  for (const key of keys) {
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

/** SORT_MERGE: one walk per combination of the leading point fields, merged in sort order. */
function* mergedKeys(access: CollectionAccess, scan: IndexScan, plan: QueryPlan) {
  const prefix = scan.mergePrefix!;
  const groups: KeyBox[][] = [];
  for (const box of scan.boxes) {
    const group = groups[groups.length - 1];
    if (group && samePrefix(group[0].start.values, box.start.values, prefix, scan.index.collation))
      group.push(box);
    else groups.push([box]);
  }
  const walks = groups.map((group) =>
    access.indexKeys(scan.index, group, scan.direction, plan.delta),
  );
  const heads = walks.map((walk) => walk.next());
  for (;;) {
    let next = -1;
    for (let i = 0; i < heads.length; i++) {
      if (heads[i].done) continue;
      if (
        next < 0 ||
        scan.index.compare(heads[i].value as ScanKey, heads[next].value as ScanKey, prefix) *
          scan.direction <
          0
      )
        next = i;
    }
    if (next < 0) return;
    yield heads[next].value as ScanKey;
    heads[next] = walks[next].next();
  }
}

function holdsKeyIn(
  doc: Doc,
  parts: string[],
  intervals: Interval[],
  collation: Collation | undefined,
): boolean {
  return keysAtPath(doc, parts).values.some((value) =>
    intervalsContain(intervals, value, collation),
  );
}

function samePrefix(a: Value[], b: Value[], length: number, collation?: Collation): boolean {
  for (let i = 0; i < length; i++) if (compareKeyValues(a[i], b[i], collation) !== 0) return false;
  return true;
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
