import { ListSpec } from '@kassa/common';

interface IndexedCollection {
  indexes(): Promise<{ key: Record<string, unknown> }[]>;
}

export interface ListIndexOptions {
  /** Keys every query of the list binds by equality (visibility, owner); they may precede a path. */
  equalityKeys?: readonly string[];
  /** API filter fields the service resolves to another stored path (a brand name → `brandId`). */
  resolvedPaths?: Readonly<Record<string, string>>;
}

/** The stored paths a list filters or sorts on, its default sort included. */
function listedPaths(spec: ListSpec, resolvedPaths: Readonly<Record<string, string>>): string[] {
  const offered = Object.entries(spec.fields)
    .filter(([, field]) => field.filter !== false || field.sort !== false)
    .map(([name, field]) => resolvedPaths[name] ?? field.path ?? name);
  const defaults = (spec.defaultSort ?? '')
    .split(',')
    .filter(Boolean)
    .map((token) => token.replace(/^-/, ''))
    .map((name) => spec.fields[name]?.path ?? name);
  return [...new Set([...offered, ...defaults])];
}

/**
 * The paths a list spec lets clients filter or sort on that no index of the collection serves:
 * an index serves a path that it starts with, or that follows only keys every query binds by
 * equality (DESIGN.md §2: every filter and sort the API offers has an index). Call it after the
 * app started, when indexes are synced.
 */
export async function unindexedListPaths(
  collection: IndexedCollection,
  spec: ListSpec,
  { equalityKeys = [], resolvedPaths = {} }: ListIndexOptions = {},
): Promise<string[]> {
  const indexes = await collection.indexes();
  const served = (path: string) =>
    indexes.some(({ key }) => {
      const keys = Object.keys(key);
      const position = keys.indexOf(path);
      return position >= 0 && keys.slice(0, position).every((k) => equalityKeys.includes(k));
    });
  return listedPaths(spec, resolvedPaths).filter((path) => !served(path));
}
