import { MongoCommandError } from '../errors';
import { executePlan } from '../plan/executor';
import type { QueryPlan } from '../plan/plan';
import { planQuery } from '../plan/planner';
import type { Collation } from '../query/collation';
import { parseSort } from '../query/sort';
import { isPlainObject, numberOf, type Doc } from '../query/values';
import type { CollectionAccess, DocEntry } from '../storage/access';

export interface SelectOptions {
  filter?: unknown;
  sort?: unknown;
  skip?: unknown;
  limit?: number;
  hint?: unknown;
  variables?: Doc;
  collation?: Collation;
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

/** Plans a read: the filter, order, skip, limit and hint of a command, against an access. */
export function planSelect(
  access: CollectionAccess,
  options: SelectOptions,
  countOnly = false,
): QueryPlan {
  const filter = options.filter ?? undefined;
  if (filter !== undefined && filter !== null && !isPlainObject(filter))
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'filter' is the wrong type, expected type 'object'",
    );
  return planQuery(access, {
    filter: filter ?? undefined,
    sort: parseSort(options.sort),
    skip: nonNegative(options.skip, 'skip'),
    limit: options.limit ?? 0,
    hint: options.hint,
    variables: options.variables,
    collation: options.collation,
    countOnly,
  });
}

/** Matching documents in sort (or plan) order after skip and limit (limit 0 = none). */
export function selectDocuments(access: CollectionAccess, options: SelectOptions): DocEntry[] {
  return executePlan(access, planSelect(access, options)).entries;
}
