import type { Collation } from '../query/collation';
import { isPlainObject, numberOf, type Doc, type Value } from '../query/values';
import type { SelectOptions } from './select';

/** A count the query layer answers in place of a counting stage. */
export interface PushedCount {
  /** The output document for a non-zero count (the stage outputs nothing for zero). */
  output(n: number): Doc;
}

export interface PushedDown {
  /** What the query layer selects: the leading `$match`, `$sort`, `$skip` and `$limit`. */
  select: SelectOptions;
  /** How many leading stages the query runs (not counting a counting stage). */
  taken: number;
  count?: PushedCount;
  /** The stages left for the aggregation engine. */
  rest: Doc[];
}

function single(stage: Doc | undefined, name: string): unknown {
  if (!stage) return undefined;
  const keys = Object.keys(stage);
  return keys.length === 1 && keys[0] === name ? stage[name] : undefined;
}

/**
 * Moves the pipeline's leading `$match` stages, then `$sort`, `$skip` and `$limit` (in that
 * order), into a planned query as MongoDB does, so they run on indexes; a following
 * `$count`, or `$group` on a constant with only `{$sum: 1}`, becomes a count of the query.
 */
export function pushDown(
  stages: Doc[],
  hint: unknown,
  variables?: Doc,
  collation?: Collation,
): PushedDown {
  let position = 0;
  const matches: Doc[] = [];
  for (let match = single(stages[0], '$match'); isPlainObject(match);) {
    matches.push(match);
    position += 1;
    match = single(stages[position], '$match');
  }
  const select: SelectOptions = { hint, variables, collation };
  if (matches.length > 0) select.filter = matches.length === 1 ? matches[0] : { $and: matches };
  const sort = single(stages[position], '$sort');
  if (isPlainObject(sort)) {
    select.sort = sort;
    position += 1;
  }
  const skip = single(stages[position], '$skip');
  if (isCount(skip, 0)) {
    select.skip = numberOf(skip);
    position += 1;
  }
  const limit = single(stages[position], '$limit');
  if (isCount(limit, 1)) {
    select.limit = numberOf(limit);
    position += 1;
  }
  const count = countStage(stages[position]);
  return { select, taken: position, count, rest: stages.slice(count ? position + 1 : position) };
}

function isCount(value: unknown, least: number): boolean {
  if (value === undefined || value === null || typeof value === 'object') return false;
  const n = numberOf(value);
  return Number.isInteger(n) && n >= least;
}

function countStage(stage: Doc | undefined): PushedCount | undefined {
  const field = single(stage, '$count');
  if (
    typeof field === 'string' &&
    field.length > 0 &&
    !field.startsWith('$') &&
    !field.includes('.')
  )
    return { output: (n) => ({ [field]: n }) };
  const group = single(stage, '$group');
  if (!isPlainObject(group)) return undefined;
  const keys = Object.keys(group);
  if (keys.length !== 2 || keys[0] !== '_id' || !isConstant(group._id)) return undefined;
  const accumulator = group[keys[1]];
  if (!isPlainObject(accumulator) || Object.keys(accumulator).join() !== '$sum') return undefined;
  if (typeof accumulator.$sum !== 'number' || accumulator.$sum !== 1) return undefined;
  return { output: (n) => ({ _id: group._id, [keys[1]]: n }) };
}

function isConstant(value: Value): boolean {
  if (value === null) return true;
  if (typeof value === 'string') return !value.startsWith('$');
  return typeof value === 'number' || typeof value === 'boolean';
}
