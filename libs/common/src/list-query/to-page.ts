import { ListQuery, Page } from './list-query.types';

/** Wraps one page of items with the paging numbers of the query that produced it. */
export function toPage<T>(items: T[], total: number, query: ListQuery): Page<T> {
  return {
    items,
    page: query.page,
    limit: query.limit,
    total,
    totalPages: Math.ceil(total / query.limit),
  };
}
