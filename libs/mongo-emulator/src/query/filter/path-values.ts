import { isPlainObject, ownField, type Value } from '../values';

/**
 * How a path treats an array it ends on: `expand` offers each element and then the array itself
 * (comparisons, `$in`, `$type`...), `whole` offers only the array (`$size`, `$elemMatch`).
 */
export type LeafArrays = 'expand' | 'whole';

/**
 * The candidate values a query path offers in a document, with MongoDB's array traversal: the
 * path walks through embedded documents; on an array with path left it continues into every
 * element that is a document, and into the element a numeric part names; a path that stops
 * short offers `undefined` (missing), except under an array element that is not a document.
 * A predicate on the path holds when it holds for one candidate.
 */
export function pathValues(doc: Value, parts: string[], leafArrays: LeafArrays): Value[] {
  const out: Value[] = [];
  walk(doc, parts, 0, leafArrays, out);
  return out;
}

function walk(start: Value, parts: string[], from: number, leafArrays: LeafArrays, out: Value[]) {
  let value = start;
  let depth = from;
  while (depth < parts.length && isPlainObject(value)) {
    value = ownField(value, parts[depth]);
    depth += 1;
  }
  if (!Array.isArray(value)) {
    out.push(depth < parts.length ? undefined : value);
    return;
  }
  if (depth < parts.length) {
    walkArray(value, parts, depth, leafArrays, out);
    return;
  }
  if (leafArrays === 'expand') out.push(...value);
  out.push(value);
}

function walkArray(
  array: Value[],
  parts: string[],
  depth: number,
  leafArrays: LeafArrays,
  out: Value[],
): void {
  const part = parts[depth];
  const last = depth + 1 === parts.length;
  array.forEach((element, index) => {
    if (isPlainObject(element)) walk(element, parts, depth, leafArrays, out);
    if (String(index) !== part) return;
    if (last) out.push(element);
    else if (Array.isArray(element)) walkArray(element, parts, depth + 1, leafArrays, out);
    else if (isPlainObject(element)) walk(element, parts, depth + 1, leafArrays, out);
  });
}
