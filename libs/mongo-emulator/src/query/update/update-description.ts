import { calculateObjectSize } from 'bson';
import { isPlainObject, ownField, setOwnField, type Doc, type Value } from '../values';
import { isReplacement, sameDocument } from './apply';
import { getAt } from './paths';

/** How an update changed a document, as a change stream's `update` event describes it. */
export interface UpdateDescription {
  updatedFields: Doc;
  removedFields: string[];
  truncatedArrays: Array<{ field: string; newSize: number }>;
}

/** One concrete path an update operator wrote (recorded while the update is applied). */
export interface TouchedPath {
  operator: string;
  parts: string[];
  operand?: Value;
}

/**
 * The description of an update that changed `before` into `after`, or undefined when MongoDB
 * records it as a replacement (a replacement document, or a pipeline whose changes outweigh the
 * document): operator updates log each written path, pipeline updates a diff of the documents.
 */
export function describeUpdate(
  update: unknown,
  before: Doc,
  after: Doc,
  touched: TouchedPath[],
): UpdateDescription | undefined {
  if (Array.isArray(update)) return describeDiff(before, after);
  if (isReplacement(update)) return undefined;
  return describeOperators(before, after, touched);
}

/**
 * As MongoDB's update log: a path whose value did not change is not logged, a created path is
 * logged at its first new field (with everything below it), `$unset` lists the removed path (an
 * array element becomes null), and `$push` that only appends logs each new element.
 */
export function describeOperators(
  before: Doc,
  after: Doc,
  touched: TouchedPath[],
): UpdateDescription {
  const description: UpdateDescription = {
    updatedFields: {},
    removedFields: [],
    truncatedArrays: [],
  };
  for (const { operator, parts, operand } of touched) {
    const path = parts.join('.');
    const previous = getAt(before, parts);
    const current = getAt(after, parts);
    if (operator === '$unset') {
      if (previous === undefined) continue;
      if (current === null) {
        if (previous !== null) setOwnField(description.updatedFields, path, null);
      } else if (!description.removedFields.includes(path)) description.removedFields.push(path);
      continue;
    }
    if (current === undefined || (previous !== undefined && sameDocument(previous, current)))
      continue;
    if (operator === '$push' && appendsOnly(previous, current, operand)) {
      for (let index = (previous as Value[]).length; index < current.length; index++)
        setOwnField(description.updatedFields, `${path}.${index}`, current[index]);
      continue;
    }
    const logged = parts.slice(0, firstMissing(before, parts) + 1);
    setOwnField(description.updatedFields, logged.join('.'), getAt(after, logged));
  }
  return description;
}

/** Index of the first part of `parts` that `doc` lacks (the last part when all exist). */
function firstMissing(doc: Doc, parts: string[]): number {
  let value: Value = doc;
  for (let index = 0; index < parts.length; index++) {
    value = childOf(value, parts[index]);
    if (value === undefined) return index;
  }
  return parts.length - 1;
}

function childOf(value: Value, part: string): Value {
  if (Array.isArray(value)) return /^\d+$/.test(part) ? value[Number(part)] : undefined;
  return isPlainObject(value) ? ownField(value, part) : undefined;
}

function appendsOnly(previous: Value, current: Value, operand: Value): current is Value[] {
  if (!Array.isArray(previous) || !Array.isArray(current)) return false;
  if (isPlainObject(operand) && '$each' in operand) {
    if ('$sort' in operand || '$slice' in operand) return false;
    if ('$position' in operand && Number(operand.$position) < previous.length) return false;
  }
  return (
    current.length > previous.length &&
    previous.every((element, index) => sameDocument(element, current[index]))
  );
}

/** A diff in MongoDB's delta format: `d` deleted, `u` updated, `i` inserted, `s<field>` nested. */
type Delta = Doc;

/**
 * A pipeline update's description, from a diff of the two documents as MongoDB computes it;
 * undefined when the diff is larger than the new document (MongoDB then logs a replacement).
 */
export function describeDiff(before: Doc, after: Doc): UpdateDescription | undefined {
  const delta = diffObjects(before, after);
  if (calculateObjectSize(delta) > calculateObjectSize(after)) return undefined;
  const description: UpdateDescription = {
    updatedFields: {},
    removedFields: [],
    truncatedArrays: [],
  };
  flatten(delta, '', description);
  return description;
}

function diffObjects(before: Doc, after: Doc): Delta {
  const delta: Delta = {};
  const section = (name: string): Doc => (delta[name] ??= {}) as Doc;
  for (const field of Object.keys(before))
    if (!Object.hasOwn(after, field)) setOwnField(section('d'), field, false);
  for (const [field, value] of Object.entries(after)) {
    if (!Object.hasOwn(before, field)) setOwnField(section('i'), field, value);
    else if (sameDocument(before[field], value)) continue;
    else if (isPlainObject(before[field]) && isPlainObject(value))
      delta[`s${field}`] = diffObjects(before[field] as Doc, value);
    else if (Array.isArray(before[field]) && Array.isArray(value))
      delta[`s${field}`] = diffArrays(before[field] as Value[], value);
    else setOwnField(section('u'), field, value);
  }
  return delta;
}

function diffArrays(before: Value[], after: Value[]): Delta {
  const delta: Delta = { a: true };
  if (after.length < before.length) delta.l = after.length;
  after.forEach((value, index) => {
    const previous = before[index];
    if (index < before.length && sameDocument(previous, value)) return;
    if (isPlainObject(previous) && isPlainObject(value))
      delta[`s${index}`] = diffObjects(previous, value);
    else if (Array.isArray(previous) && Array.isArray(value))
      delta[`s${index}`] = diffArrays(previous, value);
    else delta[`u${index}`] = value;
  });
  return delta;
}

function flatten(delta: Delta, prefix: string, description: UpdateDescription): void {
  const isArray = delta.a === true;
  for (const [key, value] of Object.entries(delta)) {
    if (key === 'a') continue;
    if (key === 'l') {
      description.truncatedArrays.push({ field: prefix.slice(0, -1), newSize: value as number });
    } else if (key === 'd') {
      for (const field of Object.keys(value as Doc))
        description.removedFields.push(`${prefix}${field}`);
    } else if (key === 'u' || key === 'i') {
      for (const [field, updated] of Object.entries(value as Doc))
        setOwnField(description.updatedFields, `${prefix}${field}`, updated);
    } else if (isArray && key.startsWith('u')) {
      setOwnField(description.updatedFields, `${prefix}${key.slice(1)}`, value);
    } else {
      flatten(value as Delta, `${prefix}${key.slice(1)}.`, description);
    }
  }
}
