import { Timestamp } from 'bson';
import { MongoCommandError } from '../../errors';
import type { Collation } from '../collation';
import { isFieldOperator } from '../filter/compile';
import { compileFilter } from '../matcher';
import { sortDocuments, parseSort } from '../sort';
import { bsonTypeName } from '../type-names';
import {
  compareValues,
  deepClone,
  formatValue,
  isNumeric,
  isPlainObject,
  numberOf,
  valuesEqual,
  type Doc,
  type Value,
} from '../values';
import { addNumbers, bitwise, isIntegral, multiplyNumbers, zeroLike } from './numbers';
import { getAt, setAt, unsetAt } from './paths';

export interface OperatorContext {
  doc: Doc;
  isInsert: boolean;
  now: Date;
  /** Strings compare under it in `$pull`, `$addToSet`, `$min`/`$max` and `$push`'s `$sort`. */
  collation?: Collation;
}

export type OperatorHandler = (
  context: OperatorContext,
  parts: string[],
  operand: Value,
  path: string,
) => void;

function idText(doc: Doc): string {
  return `{_id: ${formatValue(doc._id)}}`;
}

function requireArray(context: OperatorContext, current: Value, path: string): Value[] {
  if (!Array.isArray(current)) {
    throw new MongoCommandError(
      'BadValue',
      `The field '${path}' must be an array but is of type ${bsonTypeName(current)} in document ${idText(context.doc)}`,
    );
  }
  return current;
}

function arithmetic(
  name: string,
  combine: (a: Value, b: Value) => Value,
  missing: (b: Value) => Value,
): OperatorHandler {
  return (context, parts, operand, path) => {
    if (!isNumeric(operand)) {
      const verb = name === '$inc' ? 'increment' : 'multiply';
      throw new MongoCommandError(
        'TypeMismatch',
        `Cannot ${verb} with non-numeric argument: {${path}: ${formatValue(operand)}}`,
      );
    }
    const current = getAt(context.doc, parts);
    if (current === undefined) return setAt(context.doc, parts, missing(operand));
    if (!isNumeric(current)) {
      throw new MongoCommandError(
        'TypeMismatch',
        `Cannot apply ${name} to a value of non-numeric type. ${idText(context.doc)} has the field '${parts[parts.length - 1]}' of non-numeric type ${bsonTypeName(current)}`,
      );
    }
    setAt(context.doc, parts, combine(current, operand));
  };
}

function extreme(sign: 1 | -1): OperatorHandler {
  return (context, parts, operand) => {
    const current = getAt(context.doc, parts);
    if (current === undefined || compareValues(operand, current, context.collation) * sign > 0)
      setAt(context.doc, parts, deepClone(operand));
  };
}

function eachOf(operand: Value): Value[] {
  return isPlainObject(operand) && '$each' in operand ? requireEach(operand.$each) : [operand];
}

function requireEach(each: Value): Value[] {
  if (!Array.isArray(each))
    throw new MongoCommandError(
      'BadValue',
      `The argument to $each in $push must be an array but it was of type: ${bsonTypeName(each)}`,
    );
  return each;
}

function push(context: OperatorContext, parts: string[], operand: Value, path: string): void {
  const current = getAt(context.doc, parts);
  const array = current === undefined ? [] : [...requireArray(context, current, path)];
  const modifiers = isPlainObject(operand) && '$each' in operand ? operand : undefined;
  const items = eachOf(operand).map(deepClone);
  if (modifiers && modifiers.$position !== undefined) {
    let position = numberOf(modifiers.$position);
    if (position < 0) position = Math.max(0, array.length + position);
    array.splice(Math.min(position, array.length), 0, ...items);
  } else {
    array.push(...items);
  }
  let result = array;
  if (modifiers && modifiers.$sort !== undefined) {
    const spec = isPlainObject(modifiers.$sort) ? parseSort(modifiers.$sort) : undefined;
    if (spec)
      result = sortDocuments(
        result,
        spec,
        (item) => (isPlainObject(item) ? item : {}),
        context.collation,
      );
    else {
      const direction = numberOf(modifiers.$sort);
      result = [...result].sort((a, b) => compareValues(a, b, context.collation) * direction);
    }
  }
  if (modifiers && modifiers.$slice !== undefined) {
    const slice = numberOf(modifiers.$slice);
    result = slice >= 0 ? result.slice(0, slice) : result.slice(Math.max(0, result.length + slice));
  }
  setAt(context.doc, parts, result);
}

function addToSet(context: OperatorContext, parts: string[], operand: Value, path: string): void {
  const current = getAt(context.doc, parts);
  const array = current === undefined ? [] : [...requireArray(context, current, path)];
  for (const item of eachOf(operand))
    if (!array.some((existing) => valuesEqual(existing, item, context.collation)))
      array.push(deepClone(item));
  setAt(context.doc, parts, array);
}

/**
 * Which elements `$pull` removes, as MongoDB decides: a condition led by a field operator
 * (`{$gte: 5}`) or a regex tests each element's value; any other document (fields, `$or`,
 * `$and`...) is a query on elements that are documents; anything else is equality.
 */
function pullMatcher(condition: Value, collation?: Collation): (element: Value) => boolean {
  const onValue =
    condition instanceof RegExp ||
    (isPlainObject(condition) && isFieldOperator(Object.keys(condition)[0]));
  if (onValue) {
    const matcher = compileFilter({ '': condition }, { collation });
    return (element) => matcher.test({ '': element });
  }
  if (isPlainObject(condition)) {
    const matcher = compileFilter(condition, { collation });
    return (element) => isPlainObject(element) && matcher.test(element);
  }
  return (element) => valuesEqual(element, condition, collation);
}

function pullWhere(
  context: OperatorContext,
  parts: string[],
  path: string,
  remove: (element: Value) => boolean,
): void {
  const current = getAt(context.doc, parts);
  if (current === undefined) return;
  const array = requireArray(context, current, path);
  const kept = array.filter((element) => !remove(element));
  if (kept.length !== array.length) setAt(context.doc, parts, kept);
}

export const updateOperators: Record<string, OperatorHandler> = {
  $set: (context, parts, operand) => setAt(context.doc, parts, deepClone(operand)),
  $setOnInsert: (context, parts, operand) => {
    if (context.isInsert) setAt(context.doc, parts, deepClone(operand));
  },
  $unset: (context, parts) => void unsetAt(context.doc, parts),
  $inc: arithmetic('$inc', addNumbers, (operand) => operand),
  $mul: arithmetic('$mul', multiplyNumbers, (operand) => zeroLike(operand, operand)),
  $min: extreme(-1),
  $max: extreme(1),
  $currentDate: (context, parts, operand) => {
    const wantsTimestamp = isPlainObject(operand) && operand.$type === 'timestamp';
    setAt(
      context.doc,
      parts,
      wantsTimestamp
        ? new Timestamp({ t: Math.floor(context.now.getTime() / 1000), i: 1 })
        : new Date(context.now),
    );
  },
  $push: push,
  $addToSet: addToSet,
  $pop: (context, parts, operand, path) => {
    const current = getAt(context.doc, parts);
    if (current === undefined) return;
    const array = [...requireArray(context, current, path)];
    if (numberOf(operand) === -1) array.shift();
    else array.pop();
    setAt(context.doc, parts, array);
  },
  $pull: (context, parts, operand, path) =>
    pullWhere(context, parts, path, pullMatcher(operand, context.collation)),
  $pullAll: (context, parts, operand, path) => {
    if (!Array.isArray(operand))
      throw new MongoCommandError(
        'BadValue',
        `$pullAll requires an array argument but was given a ${bsonTypeName(operand)}`,
      );
    pullWhere(context, parts, path, (element) =>
      operand.some((value) => valuesEqual(value, element, context.collation)),
    );
  },
  $bit: (context, parts, operand, path) => {
    if (!isPlainObject(operand))
      throw new MongoCommandError(
        'BadValue',
        `The $bit modifier is not compatible with a ${bsonTypeName(operand)}. You must pass in an embedded document: {$bit: {field: {and/or/xor: #}}`,
      );
    let current: Value = getAt(context.doc, parts) ?? 0;
    if (!isIntegral(current)) {
      throw new MongoCommandError(
        'BadValue',
        `Cannot apply $bit to a value of non-integral type.${idText(context.doc)} has the field ${path} of non-integer type ${bsonTypeName(current)}`,
      );
    }
    for (const [operation, value] of Object.entries(operand)) {
      if (!['and', 'or', 'xor'].includes(operation))
        throw new MongoCommandError(
          'BadValue',
          `The $bit modifier only supports 'and', 'or', and 'xor', not '${operation}' which is an unknown operator: {${operation}: ${formatValue(value)}}`,
        );
      current = bitwise(current, operation, value);
    }
    setAt(context.doc, parts, current);
  },
};
