import { isPlainObject, type Value } from '../query/values';

/**
 * Every value a dotted path reaches in a document, descending into arrays the way MongoDB
 * builds index keys: `a.b` on `{a: [{b: 1}, {b: 2}]}` gives [1, 2]; an array at the end of the
 * path contributes its elements. A path that reaches nothing gives [undefined].
 */
export function indexValuesAt(doc: Value, path: string): Value[] {
  const out: Value[] = [];
  collect(doc, path.split('.'), 0, out);
  return out.length > 0 ? out : [undefined];
}

function collect(value: Value, parts: string[], depth: number, out: Value[]): void {
  if (depth === parts.length) {
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(undefined);
      else out.push(...value);
    } else {
      out.push(value);
    }
    return;
  }
  if (Array.isArray(value)) {
    const part = parts[depth];
    if (/^\d+$/.test(part) && value.length > Number(part))
      collect(value[Number(part)], parts, depth + 1, out);
    for (const element of value) if (isPlainObject(element)) collect(element, parts, depth, out);
    return;
  }
  if (!isPlainObject(value) || !Object.hasOwn(value, parts[depth])) return;
  collect(value[parts[depth]], parts, depth + 1, out);
}
