import { ErrorDetail } from '../errors';
import { specField } from './list-filter';
import { ListSortOrder, ListSpec } from './list-query.types';

type Sort = Record<string, ListSortOrder>;

const SORT_TOKEN = /^(-?)([A-Za-z][A-Za-z0-9_]*)$/;
const TIE_BREAK = '_id';
/** The `sort` value that ranks a text search by relevance, on lists that offer it. */
export const RELEVANCE = 'relevance';
const BY_RELEVANCE = { $meta: 'textScore' } as const;

/** Whether a parsed sort ranks by text-search relevance. */
export function sortsByRelevance(sort: Sort): boolean {
  return sort[RELEVANCE] === BY_RELEVANCE;
}

/**
 * `sort=-price,name` → `{ priceCents: -1, name: 1, _id: 1 }`: whitelisted fields only, `_id`
 * appended so that paging is stable. Without `sort`, the spec's default order applies.
 */
export function parseListSort(raw: unknown, spec: ListSpec, problems: ErrorDetail[]): Sort {
  if (raw === undefined || raw === '') return withTieBreak(defaultSort(spec), spec);
  if (typeof raw !== 'string') {
    problems.push({ field: 'sort', message: 'sort must be one comma-separated list of fields' });
    return {};
  }
  if (spec.relevance && raw.split(',').some((token) => token.trim() === RELEVANCE)) {
    if (raw.trim() === RELEVANCE)
      return { [RELEVANCE]: BY_RELEVANCE, ...withTieBreak(defaultSort(spec), spec) };
    problems.push({ field: 'sort', message: 'relevance cannot be combined with other fields' });
    return {};
  }
  const sort: Sort = {};
  for (const token of raw.split(',')) {
    const match = SORT_TOKEN.exec(token.trim());
    const field = match ? specField(spec, match[2]) : undefined;
    if (!match || !field || field.sort === false) {
      problems.push({
        field: 'sort',
        message: `${token.trim() || '(empty)'} is not a sortable field`,
      });
      continue;
    }
    const path = field.path ?? match[2];
    if (path in sort) {
      problems.push({ field: 'sort', message: `${match[2]} is sorted on more than once` });
      continue;
    }
    sort[path] = match[1] === '-' ? -1 : 1;
  }
  return withTieBreak(sort, spec);
}

/** The spec's own order: its tokens name spec fields (mapped to their paths) or plain paths. */
function defaultSort(spec: ListSpec): Sort {
  const sort: Sort = {};
  for (const token of (spec.defaultSort ?? '').split(',').filter(Boolean)) {
    const name = token.replace(/^-/, '');
    const path = specField(spec, name)?.path ?? name;
    sort[path] = token.startsWith('-') ? -1 : 1;
  }
  return sort;
}

/**
 * `_id` last, in the direction of the key before it: `-createdAt` → `{createdAt: -1, _id: -1}`,
 * so one index `{createdAt: 1, _id: 1}` serves the sort both ways (walked backwards for this
 * one). A sort that already ends on `_id` or on a path unique within the list is total as it is.
 */
function withTieBreak(sort: Sort, spec: ListSpec): Sort {
  const last = Object.keys(sort).at(-1);
  if (TIE_BREAK in sort || (last !== undefined && spec.uniquePaths?.includes(last))) return sort;
  return { ...sort, [TIE_BREAK]: last === undefined ? 1 : sort[last] };
}
