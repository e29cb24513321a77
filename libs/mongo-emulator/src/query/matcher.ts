import { MongoCommandError } from '../errors';
import { cacheKeyOf } from './cache-key';
import { compileQuery, type FilterContext } from './filter/compile';
import { isPlainObject, type Doc } from './values';

export interface Matcher {
  test(doc: Doc): boolean;
}

const MATCH_ALL: Matcher = { test: () => true };

const CACHE_LIMIT = 1000;
/** Compiled filters by their exact text and collation (least recently used dropped first). */
const compiled = new Map<string, Matcher>();

/**
 * Compiles a query filter (typed values) into a matcher over documents of either form.
 * Compiled filters are cached by their exact text and collation unless they evaluate
 * expressions (only `$expr` reads variables, and it may read `$$NOW`, which a cached filter
 * would freeze).
 */
export function compileFilter(filter: unknown, context: FilterContext = {}): Matcher {
  if (filter === undefined || filter === null) return MATCH_ALL;
  if (!isPlainObject(filter))
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'filter' is the wrong type, expected type 'object'",
    );
  if (Object.keys(filter).length === 0) return MATCH_ALL;
  const key = usesExpressions(filter) ? undefined : cacheKeyOf(filter);
  const fullKey = key === undefined ? undefined : `${collationText(context)}|${key}`;
  const cached = fullKey === undefined ? undefined : compiled.get(fullKey);
  if (cached) {
    compiled.delete(fullKey!);
    compiled.set(fullKey!, cached);
    return cached;
  }
  const matcher: Matcher = { test: compileQuery(filter, context) };
  if (fullKey !== undefined) {
    compiled.set(fullKey, matcher);
    if (compiled.size > CACHE_LIMIT) compiled.delete(compiled.keys().next().value as string);
  }
  return matcher;
}

function collationText(context: FilterContext): string {
  return context.collation ? JSON.stringify(context.collation) : '';
}

/** Whether a filter holds `$expr` or `$where` anywhere (they evaluate expressions). */
function usesExpressions(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(usesExpressions);
  if (!isPlainObject(value)) return false;
  for (const key of Object.keys(value)) {
    if (key === '$expr' || key === '$where' || usesExpressions(value[key])) return true;
  }
  return false;
}
