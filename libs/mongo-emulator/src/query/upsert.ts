import { isPlainObject, deepClone, type Doc } from './values';
import { setAt } from './update/paths';

/**
 * The document an upsert starts from: the equality conditions of the filter (`{a: 1}`,
 * `{a: {$eq: 1}}`, and those inside a top-level `$and`), as MongoDB seeds it.
 */
export function seedFromFilter(filter: unknown): Doc {
  const seed: Doc = {};
  collect(filter, seed);
  return seed;
}

function collect(filter: unknown, seed: Doc): void {
  if (!isPlainObject(filter)) return;
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(condition)) {
      for (const part of condition) collect(part, seed);
      continue;
    }
    if (key.startsWith('$')) continue;
    if (isPlainObject(condition)) {
      const keys = Object.keys(condition);
      if (keys.length > 0 && keys[0].startsWith('$')) {
        if ('$eq' in condition) setAt(seed, key.split('.'), deepClone(condition.$eq));
        continue;
      }
    }
    if (condition instanceof RegExp) continue;
    setAt(seed, key.split('.'), deepClone(condition));
  }
}
