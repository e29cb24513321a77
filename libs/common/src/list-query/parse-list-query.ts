import { ErrorDetail, ValidationError } from '../errors';
import { parseListFilter } from './list-filter';
import { ListQuery, ListSpec } from './list-query.types';
import { parseListSort } from './list-sort';

export const DEFAULT_LIST_LIMIT = 20;
export const MAX_LIST_LIMIT = 100;
const MAX_PAGE = 1_000_000;
const MAX_SEARCH_LENGTH = 100;
const LIST_PARAMETERS = new Set(['page', 'limit', 'sort', 'filter', 'search']);

/**
 * Reads `page`, `limit`, `sort`, `filter[...]` and `search` (a query string nested by `qs`) against
 * a resource's whitelist. Every problem is collected into one `ValidationError` (400 with
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
  if (search) filter.$or = search;
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

function parseSearch(
  raw: unknown,
  spec: ListSpec,
  problems: ErrorDetail[],
): Record<string, unknown>[] | undefined {
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
  const pattern = escapeRegExp(text);
  return spec.search.map((path) => ({ [path]: { $regex: pattern, $options: 'i' } }));
}

/** Makes text match itself literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
