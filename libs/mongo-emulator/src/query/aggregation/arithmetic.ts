import { evalExpr } from 'mingo/core';
import { $push } from 'mingo/operators/accumulator';
import type { Options } from 'mingo/types';
import { MongoCommandError, type LocationCodeName } from '../../errors';
import { collationKey } from '../collation';
import { addDecimal, divideDecimal, isDecimal, multiplyDecimal, subtractDecimal } from '../decimal';
import { bsonTypeName } from '../type-names';
import { canonicalKey, compareValues, isNumeric, numberOf, type Doc, type Value } from '../values';
import { collationOf } from './engine';

/**
 * Arithmetic, comparison and accumulator operators with MongoDB's semantics where mingo's
 * differ: Decimal128 operands give exact decimal results, comparisons use MongoDB's value order
 * (numbers by value across types, the run's collation for strings), `$addToSet` treats equal
 * values (10 and 10.00) as one.
 */

type Expression = (doc: Doc, expr: Value, options: Options) => Value;
type Accumulator = (docs: Doc[], expr: Value, options: Options) => Value;

const isNil = (value: Value): boolean => value === null || value === undefined;

function operands(name: string, doc: Doc, expr: Value, options: Options, count?: number): Value[] {
  const values = evalExpr(doc, expr, options);
  const list = Array.isArray(expr) ? (values as Value[]) : [values];
  if (count !== undefined && list.length !== count)
    throw new MongoCommandError(
      'ExpressionArity',
      `Expression ${name} takes exactly ${count} arguments. ${list.length} were passed in.`,
    );
  return list;
}

function numericOnly(name: string, code: LocationCodeName, values: Value[]): void {
  for (const value of values)
    if (!isNumeric(value))
      throw new MongoCommandError(
        code,
        `${name} only supports numeric types, not ${bsonTypeName(value)}`,
      );
}

/** Combines numbers: in decimal when one is a Decimal128, else as doubles (mingo's way). */
function fold(
  values: Value[],
  decimal: (a: Value, b: Value) => Value,
  plain: (a: number, b: number) => number,
): Value {
  if (values.some(isDecimal)) return values.reduce((total, value) => decimal(total, value));
  return values.map(numberOf).reduce(plain);
}

const $add: Expression = (doc, expr, options) => {
  const values = operands('$add', doc, expr, options);
  if (values.some(isNil)) return null;
  const dates = values.filter((value): value is Date => value instanceof Date);
  if (dates.length > 1)
    throw new MongoCommandError('AddTwoDates', 'only one date allowed in an $add expression');
  const numbers = values.filter((value) => !(value instanceof Date));
  for (const value of numbers)
    if (!isNumeric(value))
      throw new MongoCommandError(
        'AddNonNumeric',
        `$add only supports numeric or date types, not ${bsonTypeName(value)}`,
      );
  const total = numbers.length === 0 ? 0 : fold(numbers, addDecimal, (a, b) => a + b);
  return dates.length === 1 ? new Date(dates[0].getTime() + Math.round(numberOf(total))) : total;
};

const $subtract: Expression = (doc, expr, options) => {
  const [a, b] = operands('$subtract', doc, expr, options, 2);
  if (isNil(a) || isNil(b)) return null;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (a instanceof Date && isNumeric(b)) return new Date(a.getTime() - Math.round(numberOf(b)));
  if (!isNumeric(a) || !isNumeric(b))
    throw new MongoCommandError(
      'SubtractNonNumeric',
      `cant $subtract a ${bsonTypeName(b)} from a ${bsonTypeName(a)}`,
    );
  return isDecimal(a) || isDecimal(b) ? subtractDecimal(a, b) : numberOf(a) - numberOf(b);
};

const $multiply: Expression = (doc, expr, options) => {
  const values = operands('$multiply', doc, expr, options);
  if (values.some(isNil)) return null;
  numericOnly('$multiply', 'MultiplyNonNumeric', values);
  return values.length === 0 ? 1 : fold(values, multiplyDecimal, (a, b) => a * b);
};

const $divide: Expression = (doc, expr, options) => {
  const [a, b] = operands('$divide', doc, expr, options, 2);
  if (isNil(a) || isNil(b)) return null;
  numericOnly('$divide', 'DivideNonNumeric', [a, b]);
  if (compareValues(b, 0) === 0) throw new MongoCommandError('BadValue', "can't $divide by zero");
  return isDecimal(a) || isDecimal(b) ? divideDecimal(a, b) : numberOf(a) / numberOf(b);
};

/** Aggregation order: a missing value sorts before everything, null included. */
function compareOperands(a: Value, b: Value, options: Options): number {
  if (a === undefined || b === undefined)
    return (a === undefined ? -1 : 0) + (b === undefined ? 1 : 0);
  return compareValues(a, b, collationOf(options));
}

function comparison(name: string, holds: (order: number) => boolean): Expression {
  return (doc, expr, options) => {
    const [a, b] = operands(name, doc, expr, options, 2);
    return holds(compareOperands(a, b, options));
  };
}

const $cmp: Expression = (doc, expr, options) => {
  const [a, b] = operands('$cmp', doc, expr, options, 2);
  return Math.sign(compareOperands(a, b, options));
};

export const emulatorExpressions = {
  $add,
  $subtract,
  $multiply,
  $divide,
  $cmp,
  $eq: comparison('$eq', (order) => order === 0),
  $ne: comparison('$ne', (order) => order !== 0),
  $gt: comparison('$gt', (order) => order > 0),
  $gte: comparison('$gte', (order) => order >= 0),
  $lt: comparison('$lt', (order) => order < 0),
  $lte: comparison('$lte', (order) => order <= 0),
};

const $sum: Accumulator = (docs, expr, options) => {
  if (typeof expr === 'number') return docs.length * expr;
  const numbers = $push(docs, expr, options).filter(isNumeric);
  return numbers.length === 0 ? 0 : fold(numbers, addDecimal, (a, b) => a + b);
};

const $avg: Accumulator = (docs, expr, options) => {
  const numbers = $push(docs, expr, options).filter(isNumeric);
  if (numbers.length === 0) return null;
  const total = fold(numbers, addDecimal, (a, b) => a + b);
  return isDecimal(total) ? divideDecimal(total, numbers.length) : numberOf(total) / numbers.length;
};

function extreme(sign: 1 | -1): Accumulator {
  return (docs, expr, options) => {
    const collation = collationOf(options);
    let best: Value = null;
    for (const value of $push(docs, expr, options)) {
      if (isNil(value)) continue;
      if (best === null || compareValues(value, best, collation) * sign > 0) best = value;
    }
    return best;
  };
}

const $addToSet: Accumulator = (docs, expr, options) => {
  const collation = collationOf(options);
  const seen = new Map<string, Value>();
  for (const value of $push(docs, expr, options)) {
    if (value === undefined) continue;
    const key = canonicalKey(collationKey(value, collation));
    if (!seen.has(key)) seen.set(key, value);
  }
  return [...seen.values()];
};

export const emulatorAccumulators = {
  $sum,
  $avg,
  $max: extreme(1),
  $min: extreme(-1),
  $addToSet,
};
