import type { Collation } from './collation';
import { compileFilter } from './matcher';
import { isPlainObject, ownField, setOwnField, type Doc, type Value } from './values';

/**
 * A copy of `value` with `replacement` at the path, sharing everything off the path (the
 * containers on the path are copied, so the original is never changed). Numeric parts index
 * arrays; a path through a missing or scalar value leaves the value as it is.
 */
export function replaceAt(value: Value, parts: string[], replacement: Value): Value {
  if (parts.length === 0) return replacement;
  const [part, ...rest] = parts;
  if (Array.isArray(value)) {
    if (!/^\d+$/.test(part) || Number(part) >= value.length) return value;
    const copy = [...value];
    copy[Number(part)] = replaceAt(value[Number(part)], rest, replacement);
    return copy;
  }
  if (!isPlainObject(value)) return value;
  const copy: Doc = { ...value };
  setOwnField(copy, part, replaceAt(ownField(value, part), rest, replacement));
  return copy;
}

function conditionsOn(filter: Doc, arrayPath: string, into: Doc[]): void {
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(condition)) {
      for (const clause of condition)
        if (isPlainObject(clause)) conditionsOn(clause, arrayPath, into);
    } else if (key === arrayPath || key.startsWith(`${arrayPath}.`)) {
      into.push({ [key]: condition });
    }
  }
}

/**
 * The index of the first element of the array at `arrayPath` that satisfies the query's
 * conditions on that array (what the positional `$` of updates and projections refers to), or
 * undefined when the query has no condition on it or no element satisfies them.
 */
export function matchedArrayIndex(
  doc: Doc,
  filter: unknown,
  arrayPath: string,
  collation?: Collation,
): number | undefined {
  const parts = arrayPath.split('.');
  let array: Value = doc;
  for (const part of parts) array = isPlainObject(array) ? ownField(array, part) : undefined;
  if (!Array.isArray(array) || !isPlainObject(filter)) return undefined;
  const conditions: Doc[] = [];
  conditionsOn(filter, arrayPath, conditions);
  if (conditions.length === 0) return undefined;
  const matcher = compileFilter({ $and: conditions }, { collation });
  const index = array.findIndex((element) => matcher.test(replaceAt(doc, parts, [element]) as Doc));
  return index < 0 ? undefined : index;
}
