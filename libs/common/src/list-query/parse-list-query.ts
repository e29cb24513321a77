import { ErrorDetail, ValidationError } from '../errors';
import { parseListFilter } from './list-filter';
import { ListQuery, ListSpec } from './list-query.types';
import { parseListSort, RELEVANCE, sortsByRelevance } from './list-sort';

export const DEFAULT_LIST_LIMIT = 20;
export const MAX_LIST_LIMIT = 100;
const MAX_PAGE = 1_000_000;
const MAX_SEARCH_LENGTH = 100;
const LIST_PARAMETERS = new Set(['page', 'limit', 'sort', 'filter', 'search']);

/**
 * Reads `page`, `limit`, `sort`, `filter[...]` and `search` (a query string nested by `qs`) against
 * a resource's whitelist. `search` is a substring match, or with `sort=relevance` (where the spec
 * offers it) a `$text` word search ranked by relevance. Every problem is collected into one `ValidationError` (400 with
 * `details`); the result holds only spec paths, fixed operators and type-cast values.
 */
export function parseListQuery(raw: Record<string, unknown>, spec: ListSpec): ListQuery {
  const problems: ErrorDetail[] = [];
  for (const key of Object.keys(raw)) {
    if (!LIST_PARAMETERS.has(key)) {
      problems.push({ field: key, message: `${key} is not a list query parameter` });
    }
  }
  const page = parseBoundedInteger(raw.page, 'page', 1, MAX_PAGE, 1, problems);
  const limit = parseBoundedInteger(
    raw.limit,
    'limit',
    1,
    MAX_LIST_LIMIT,
    DEFAULT_LIST_LIMIT,
    problems,
  );
  const sort = parseListSort(raw.sort, spec, problems);
  const filter: Record<string, unknown> = parseListFilter(raw.filter, spec, problems);
  const search = parseSearch(raw.search, spec, problems);
  if (sortsByRelevance(sort)) {
    if (search) filter.$text = { $search: search };
    else
      problems.push({
        field: 'sort',
        message: `sort=${RELEVANCE} needs search (the words to rank by)`,
      });
  } else if (search) filter.$or = substringMatches(search, spec);
  if (problems.length > 0) throw new ValidationError('Invalid list query', problems);
  return { filter, sort, page, limit, skip: (page - 1) * limit };
}

function parseBoundedInteger(
  raw: unknown,
  field: string,
  min: number,
  max: number,
  fallback: number,
  problems: ErrorDetail[],
): number {
  if (raw === undefined) return fallback;
  const value = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isNaN(value) || value < min) {
    problems.push({ field, message: `${field} must be an integer of at least ${min}` });
    return fallback;
  }
  if (value > max) {
    problems.push({ field, message: `${field} must be at most ${max}` });
    return fallback;
  }
  return value;
}

/** The search text, trimmed (undefined when blank or invalid). */
function parseSearch(raw: unknown, spec: ListSpec, problems: ErrorDetail[]): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw.length > MAX_SEARCH_LENGTH) {
    problems.push({
      field: 'search',
      message: `search must be text of at most ${MAX_SEARCH_LENGTH} characters`,
    });
    return undefined;
  }
  const text = raw.trim();
  if (text === '') return undefined;
  if (!spec.search?.length) {
    problems.push({ field: 'search', message: 'search is not supported on this list' });
    return undefined;
  }
  return text;
}

/** A case-insensitive substring match of the text over each searched path. */
function substringMatches(text: string, spec: ListSpec): Record<string, unknown>[] {
  const pattern = escapeRegExp(text);
  return (spec.search ?? []).map((path) => ({ [path]: { $regex: pattern, $options: 'i' } }));
}

/** Makes text match itself literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
