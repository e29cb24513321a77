import { MongoCommandError } from '../../errors';
import type { Collation } from '../collation';
import { compileFilter, type Matcher } from '../matcher';
import { bsonTypeName } from '../type-names';
import { isPlainObject, ownField, setOwnField, toView, type Doc, type Value } from '../values';

export interface PositionalContext {
  /** Index of the array element the query matched, for the `$` operator. */
  matchedIndex?: number;
  arrayFilters: Map<string, Matcher>;
}

/**
 * Expands a path with positional parts (`$`, `$[]`, `$[id]`) into the concrete paths it
 * addresses in `doc`.
 */
export function expandPath(doc: Doc, path: string, context: PositionalContext): string[][] {
  const parts = path.split('.');
  let results: Array<{ parts: string[]; value: Value }> = [{ parts: [], value: doc }];
  for (const part of parts) {
    const next: typeof results = [];
    for (const { parts: prefix, value } of results) {
      if (part === '$' || part.startsWith('$[')) {
        if (!Array.isArray(value)) {
          if (part === '$')
            throw new MongoCommandError(
              'BadValue',
              'The positional operator did not find the match needed from the query.',
            );
          throw new MongoCommandError(
            'BadValue',
            `The path '${prefix.join('.')}' must exist in the document in order to apply array updates.`,
          );
        }
        for (const index of positionalIndexes(part, value, context))
          next.push({ parts: [...prefix, String(index)], value: value[index] });
      } else {
        const child =
          Array.isArray(value) && /^\d+$/.test(part)
            ? value[Number(part)]
            : isPlainObject(value)
              ? ownField(value, part)
              : undefined;
        next.push({ parts: [...prefix, part], value: child });
      }
    }
    results = next;
  }
  return results.map((result) => result.parts);
}

function positionalIndexes(part: string, array: Value[], context: PositionalContext): number[] {
  if (part === '$') {
    if (context.matchedIndex === undefined)
      throw new MongoCommandError(
        'BadValue',
        'The positional operator did not find the match needed from the query.',
      );
    return [context.matchedIndex];
  }
  if (part === '$[]') return array.map((_, index) => index);
  const id = part.slice(2, -1);
  const filter = context.arrayFilters.get(id);
  if (!filter)
    throw new MongoCommandError(
      'BadValue',
      `No array filter found for identifier '${id}' in path '${part}'`,
    );
  const indexes: number[] = [];
  array.forEach((element, index) => {
    if (filter.test({ [id]: element })) indexes.push(index);
  });
  return indexes;
}

export function compileArrayFilters(
  arrayFilters: unknown,
  collation?: Collation,
): Map<string, Matcher> {
  const filters = new Map<string, Matcher>();
  if (!Array.isArray(arrayFilters)) return filters;
  for (const filter of arrayFilters) {
    if (!isPlainObject(filter))
      throw new MongoCommandError('FailedToParse', 'arrayFilters must be objects');
    const ids = new Set(Object.keys(filter).map((key) => key.split('.')[0]));
    if (ids.size !== 1)
      throw new MongoCommandError(
        'FailedToParse',
        'Error parsing array filter :: caused by :: Expected a single top-level field name',
      );
    const [id] = ids;
    if (filters.has(id))
      throw new MongoCommandError(
        'FailedToParse',
        `Found multiple array filters with the same top-level field name ${id}`,
      );
    filters.set(id, compileFilter(filter, { collation }));
  }
  return filters;
}

/** Reads the value at concrete path parts (undefined when absent). */
export function getAt(doc: Doc, parts: string[]): Value {
  let current: Value = doc;
  for (const part of parts) {
    if (Array.isArray(current)) current = /^\d+$/.test(part) ? current[Number(part)] : undefined;
    else if (isPlainObject(current)) current = ownField(current, part);
    else return undefined;
  }
  return current;
}

/** Returns the container that holds the last part, creating intermediate objects as needed. */
export function containerFor(
  doc: Doc,
  parts: string[],
  create: boolean,
): Doc | Value[] | undefined {
  let current: Value = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    let next: Value;
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(part)) throw cannotCreate(parts[i], current, parts.slice(0, i).join('.'));
      next = current[Number(part)];
      if (next === undefined || next === null) {
        if (!create) return undefined;
        while (current.length < Number(part)) current.push(null);
        current[Number(part)] = next = {};
      }
    } else if (isPlainObject(current)) {
      next = ownField(current, part);
      if (next === undefined) {
        if (!create) return undefined;
        setOwnField(current, part, (next = {}));
      }
    } else {
      return undefined;
    }
    if (!isPlainObject(next) && !Array.isArray(next)) {
      if (!create) return undefined;
      throw cannotCreate(parts[i + 1], next, parts.slice(0, i + 1).join('.'));
    }
    current = next;
  }
  return current as Doc | Value[];
}

function cannotCreate(field: string, holder: Value, holderPath: string): MongoCommandError {
  return new MongoCommandError(
    'PathNotViable',
    `Cannot create field '${field}' in element {${holderPath}: ${bsonTypeName(holder) === 'null' ? 'null' : JSON.stringify(toView(holder))}}`,
  );
}

export function setAt(doc: Doc, parts: string[], value: Value): void {
  const container = containerFor(doc, parts, true)!;
  const last = parts[parts.length - 1];
  if (Array.isArray(container)) {
    if (!/^\d+$/.test(last)) throw cannotCreate(last, container, parts.slice(0, -1).join('.'));
    const index = Number(last);
    while (container.length < index) container.push(null);
    container[index] = value;
  } else {
    setOwnField(container, last, value);
  }
}

export function unsetAt(doc: Doc, parts: string[]): boolean {
  const container = containerFor(doc, parts, false);
  const last = parts[parts.length - 1];
  if (Array.isArray(container)) {
    if (!/^\d+$/.test(last) || Number(last) >= container.length) return false;
    container[Number(last)] = null;
    return true;
  }
  if (!container || !Object.hasOwn(container, last)) return false;
  delete container[last];
  return true;
}
