import type { Collation } from '../query/collation';
import { compileFilter } from '../query/matcher';
import type { Doc, Value } from '../query/values';
import type { CollectionAccess, ScanKey } from '../storage/access';
import { compareKeyValues, keysAtPath } from '../storage/index-keys';
import type { KeyBox } from '../storage/index';
import { intervalsContain } from './intervals';
import type { IndexScan, QueryPlan, Residual } from './plan';

/** The keys an index scan walks, in its order (its point ranges merged for SORT_MERGE). */
export function scanKeys(
  access: CollectionAccess,
  scan: IndexScan,
  delta: QueryPlan['delta'],
): IterableIterator<ScanKey> {
  return scan.mergePrefix === undefined
    ? access.indexKeys(scan.index, scan.boxes, scan.direction, delta)
    : mergedKeys(access, scan, delta);
}

/** SORT_MERGE: one walk per combination of the leading point fields, merged in sort order. */
function* mergedKeys(access: CollectionAccess, scan: IndexScan, delta: QueryPlan['delta']) {
  const prefix = scan.mergePrefix!;
  const groups: KeyBox[][] = [];
  for (const box of scan.boxes) {
    const group = groups[groups.length - 1];
    if (group && samePrefix(group[0].start.values, box.start.values, prefix, scan.index.collation))
      group.push(box);
    else groups.push([box]);
  }
  const walks = groups.map((group) => access.indexKeys(scan.index, group, scan.direction, delta));
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

function samePrefix(a: Value[], b: Value[], length: number, collation?: Collation): boolean {
  for (let i = 0; i < length; i++) if (compareKeyValues(a[i], b[i], collation) !== 0) return false;
  return true;
}

/**
 * The test of what an access path leaves unenforced, or undefined when nothing is left: exact
 * conditions are checked on the document's key values (whatever their operands, nothing to
 * compile), the rest by the matcher.
 */
export function residualTest(
  left: Residual,
  variables: Doc | undefined,
  collation: Collation | undefined,
): ((doc: Doc) => boolean) | undefined {
  const matcher = left.matcherFilter
    ? compileFilter(left.matcherFilter, { variables, collation })
    : undefined;
  const checks = left.keyChecks?.map((predicate) => ({
    parts: predicate.path.split('.'),
    intervals: predicate.intervals,
  }));
  if (!matcher && !checks) return undefined;
  return (doc) =>
    (!checks ||
      checks.every((check) =>
        keysAtPath(doc, check.parts).values.some((value) =>
          intervalsContain(check.intervals, value, collation),
        ),
      )) &&
    (!matcher || matcher.test(doc));
}
