import { randomUUID } from 'node:crypto';
import { ListField, ListQuery, ListSpec } from '@kassa/common';
import { AuthUser } from '../../../apps/api/src/access/auth-user';
import { Role } from '../../../apps/api/src/access/role';

/** One list the API offers, served by the real service as its route does. */
export interface ListUnderTest {
  name: string;
  spec: ListSpec;
  /** The collection the list reads. */
  collection: string;
  serve(query: ListQuery): Promise<unknown>;
  /** Query-string values for filters on names that the service resolves (a brand's name). */
  samples?: Readonly<Record<string, string>>;
  /** Such filters' stored path: the one the index must narrow (`brand` → `brandId`). */
  resolvedPaths?: Readonly<Record<string, string>>;
  /** Requests on several fields at once that the list's indexes are built for. */
  combinations?: ListCase[];
}

/** The lists of one area, and how to seed the documents they list. */
export interface ListGroup {
  seed(): Promise<void>;
  lists: ListUnderTest[];
}

/** One request of a list and what its plans must show. */
export interface ListCase {
  /** The query string it stands for, e.g. `filter[status]=paid&sort=-createdAt`. */
  title: string;
  query: Record<string, unknown>;
  /** The page comes in index order: no SORT stage. */
  ordered: boolean;
  /** Whether the count is checked (it is the same for every order of a filter). */
  counted: boolean;
  /** Stored paths that one index scan of the page must narrow. */
  pageBounds?: string | readonly string[];
  /** Stored paths that one index scan of the count must narrow. */
  countBounds?: string | readonly string[];
}

/** Types whose filter is an equality, so an index can narrow them and still give the order. */
const EQUALITY_TYPES = new Set<ListField['type']>(['uuid', 'enum', 'boolean']);

/**
 * The requests that prove a list's whitelist runs on indexes, generated from its spec:
 * - no parameters (the default order);
 * - each sortable field alone, ascending and descending;
 * - each filterable field alone, with the default order: an equality (uuid, enum, boolean, a
 *   resolved name) must be narrowed by the index that also gives the order; a range
 *   (`gte`) on an ordered type must be narrowed in the count, while the page may sort in
 *   memory, as MongoDB may too when a range on one field meets an order on another;
 * - each ordered field that is also sortable: its range with its own order, narrowed and in
 *   index order.
 * - the list's own `combinations` of several fields.
 * Not covered: `search` (a case-insensitive substring match, which no index can narrow),
 * `ne` and `in` (several ranges of one field), and other sorts or filters on several fields.
 */
export function listCases(list: ListUnderTest, samples: Record<string, string>): ListCase[] {
  const { spec } = list;
  const cases: ListCase[] = [{ title: '(no parameters)', query: {}, ordered: true, counted: true }];
  for (const [name, field] of Object.entries(spec.fields)) {
    if (field.sort === false) continue;
    for (const sort of [name, `-${name}`]) {
      cases.push({ title: `sort=${sort}`, query: { sort }, ordered: true, counted: false });
    }
  }
  for (const [name, field] of Object.entries(spec.fields)) {
    if (field.filter === false) continue;
    const value = samples[name];
    if (value === undefined) throw new Error(`${list.name}: no sample value of ${name}`);
    const path = list.resolvedPaths?.[name] ?? field.path ?? name;
    if (EQUALITY_TYPES.has(field.type) || list.resolvedPaths?.[name]) {
      cases.push({
        title: `filter[${name}]=${value}`,
        query: { filter: { [name]: value } },
        ordered: true,
        counted: true,
        pageBounds: path,
        countBounds: path,
      });
      continue;
    }
    const filter = { [name]: { gte: value } };
    cases.push({
      title: `filter[${name}][gte]=${value}`,
      query: { filter },
      ordered: false,
      counted: true,
      countBounds: path,
    });
    if (field.sort !== false) {
      cases.push({
        title: `filter[${name}][gte]=${value}&sort=${name}`,
        query: { filter, sort: name },
        ordered: true,
        counted: false,
        pageBounds: path,
      });
    }
  }
  return [...cases, ...(list.combinations ?? [])];
}

/** A field's value as a client types it in a query string. */
export function queryText(field: ListField, value: unknown): string {
  switch (field.type) {
    case 'date':
      return (value as Date).toISOString();
    case 'money': {
      const cents = value as number;
      const sign = cents < 0 ? '-' : '';
      const abs = Math.abs(cents);
      return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
    }
    default:
      return String(value);
  }
}

/** A caller of the given role, as the access guard hands it to a handler. */
export function callerOf(id: string, role: Role): AuthUser {
  return { id, role, jti: randomUUID(), fid: randomUUID(), exp: 0 };
}
