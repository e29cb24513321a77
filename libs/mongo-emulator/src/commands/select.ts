import { MongoCommandError } from '../errors';
import type { Collation } from '../query/collation';
import { compileFilter } from '../query/matcher';
import { parseSort, sortDocuments } from '../query/sort';
import { numberOf, type Doc } from '../query/values';
import type { CollectionAccess, DocEntry } from '../storage/access';
import { hintedEntries, planHint } from './hint';

export interface SelectOptions {
  filter?: unknown;
  sort?: unknown;
  skip?: unknown;
  limit?: number;
  variables?: Doc;
  collation?: Collation;
  hint?: unknown;
}

export function nonNegative(value: unknown, field: string): number {
  if (value === undefined || value === null) return 0;
  const n = numberOf(value);
  if (!Number.isFinite(n) || n < 0)
    throw new MongoCommandError(
      'NegativeValue',
      `BSON field '${field}' value must be >= 0, actual value '${n}'`,
    );
  return n;
}

/** Matching documents in sort (or natural) order after skip and limit (limit 0 = none). */
export function selectDocuments(access: CollectionAccess, options: SelectOptions): DocEntry[] {
  const matcher = compileFilter(options.filter, {
    variables: options.variables,
    collation: options.collation,
  });
  const sort = parseSort(options.sort);
  const skip = nonNegative(options.skip, 'skip');
  const limit = options.limit ?? 0;
  const stopAfter = !sort?.length && limit > 0 ? skip + limit : Infinity;
  const hint = planHint(access, options.hint);
  const matched: DocEntry[] = [];
  for (const entry of hintedEntries(access.entries(matcher.equality), hint)) {
    if (!matcher.test(entry.doc)) continue;
    matched.push(entry);
    if (matched.length >= stopAfter) break;
  }
  const ordered = sortDocuments(matched, sort, (entry) => entry.doc, options.collation);
  return limit > 0 ? ordered.slice(skip, skip + limit) : ordered.slice(skip);
}
