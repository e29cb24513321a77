import { ListSpec } from '@kassa/common';
import { Model } from 'mongoose';

/**
 * The MongoDB paths a list spec lets clients filter or sort on that lead no index of the
 * model's collection (DESIGN.md §2: every filter and sort the API offers has an index).
 * Call it after the app started, when indexes are synced: `expect(await
 * unindexedListPaths(model, SPEC)).toEqual([])`.
 */
export async function unindexedListPaths(model: Model<any>, spec: ListSpec): Promise<string[]> {
  const indexes = await model.collection.indexes();
  const leadingPaths = new Set(indexes.map((index) => Object.keys(index.key)[0]));
  return Object.entries(spec.fields)
    .filter(([, field]) => field.filter !== false || field.sort !== false)
    .map(([name, field]) => field.path ?? name)
    .filter((path) => !leadingPaths.has(path));
}
