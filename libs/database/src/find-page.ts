import { ListQuery } from '@kassa/common';
import { FilterQuery, Model, trusted } from 'mongoose';

export interface FoundPage<T> {
  items: T[];
  total: number;
}

/**
 * One page of a list query as plain objects plus the total match count, both in parallel.
 * `baseFilter` carries what the caller imposes (owner, `active: true`, ...); the client's
 * conditions are ANDed to it, never merged over it.
 */
export async function findPage<T>(
  model: Model<any>,
  query: ListQuery,
  baseFilter: FilterQuery<any> = {},
): Promise<FoundPage<T>> {
  const filter = combine(baseFilter, trustOperators(query.filter));
  const [items, total] = await Promise.all([
    model.find(filter).sort(query.sort).skip(query.skip).limit(query.limit).lean<T[]>().exec(),
    model.countDocuments(filter).exec(),
  ]);
  return { items, total };
}

function combine(base: FilterQuery<any>, clientFilter: FilterQuery<any>): FilterQuery<any> {
  if (Object.keys(clientFilter).length === 0) return base;
  if (Object.keys(base).length === 0) return clientFilter;
  return { $and: [base, clientFilter] };
}

/**
 * A parsed list query holds operators only from its fixed table, so its condition objects are
 * marked trusted: they keep working if Mongoose's `sanitizeFilter` is switched on.
 */
function trustOperators(filter: Record<string, unknown>): FilterQuery<any> {
  return Object.fromEntries(
    Object.entries(filter).map(([path, condition]) => [
      path,
      Array.isArray(condition)
        ? condition.map((branch) => trustOperators(branch as Record<string, unknown>))
        : isObject(condition)
          ? trusted(condition)
          : condition,
    ]),
  );
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}
