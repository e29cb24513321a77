import { BSONRegExp } from 'bson';
import { MongoCommandError } from '../../errors';
import type { Options } from 'mingo/types';
import type { Collation } from '../collation';
import { matchesSchema } from '../json-schema';
import { isPlainObject, numberOf, ownField, type Doc, type Value } from '../values';
import { expressionTest } from './expression';
import {
  bitsTest,
  comparisonTest,
  elemMatchTest,
  equalsTest,
  existsTest,
  inTest,
  modTest,
  regexTest,
  sizeTest,
  typeTest,
  type BitsOperator,
  type ComparisonOperator,
  type ValueTest,
} from './leaf';
import { parseBitPositions, parseMod, parseRegex, parseSize, parseTypeAliases } from './operands';
import { pathValues, type LeafArrays } from './path-values';

/** A compiled filter: does this document (or array element) match? */
export type Predicate = (doc: Value) => boolean;

export interface FilterContext {
  collation?: Collation;
  /** The command's `let` variables, for `$expr`. */
  variables?: Doc;
  /** Inside an aggregation run: its mingo options (variables of `$lookup` included). */
  expressionOptions?: Partial<Options>;
}

const NOT_SUPPORTED = new Set([
  '$near',
  '$nearSphere',
  '$geoWithin',
  '$geoIntersects',
  '$within',
  '$where',
]);

function badValue(message: string): MongoCommandError {
  return new MongoCommandError('BadValue', message);
}

function unsupported(operator: string): MongoCommandError {
  return new MongoCommandError(
    'NotImplemented',
    `${operator} is not supported by this MongoDB emulator`,
  );
}

function not(predicate: Predicate): Predicate {
  return (doc) => !predicate(doc);
}

/** A test on the values of a path; the empty path (inside `$elemMatch`) is the element itself. */
function onPath(parts: string[], test: ValueTest, leafArrays: LeafArrays = 'expand'): Predicate {
  if (parts.length === 0) return test;
  if (parts.length === 1) {
    const [field] = parts;
    return (doc) => {
      const value = isPlainObject(doc) ? ownField(doc, field) : undefined;
      return Array.isArray(value) ? pathValues(doc, parts, leafArrays).some(test) : test(value);
    };
  }
  return (doc) => pathValues(doc, parts, leafArrays).some(test);
}

const FIELD_OPERATORS = new Set([
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$exists',
  '$type',
  '$size',
  '$mod',
  '$regex',
  '$options',
  '$all',
  '$elemMatch',
  '$not',
  '$bitsAllSet',
  '$bitsAllClear',
  '$bitsAnySet',
  '$bitsAnyClear',
]);

/** Whether a name is an operator on a field's value (`$gt`), not a top-level one (`$or`). */
export function isFieldOperator(name: string | undefined): boolean {
  return name !== undefined && FIELD_OPERATORS.has(name);
}

/** Whether a condition is an operator document (`{$gt: 1}`) rather than a value to equal. */
export function isOperatorDocument(condition: Value): condition is Doc {
  if (!isPlainObject(condition)) return false;
  const first = Object.keys(condition)[0];
  return first !== undefined && first.startsWith('$') && !['$ref', '$id', '$db'].includes(first);
}

/** Compiles a query filter document into a predicate. */
export function compileQuery(filter: Doc, context: FilterContext): Predicate {
  const predicates = Object.entries(filter).map(([key, condition]) =>
    key.startsWith('$')
      ? topLevel(key, condition, context)
      : fieldCondition(key.split('.'), condition, context),
  );
  if (predicates.length === 1) return predicates[0];
  return (doc) => predicates.every((predicate) => predicate(doc));
}

function clauses(operator: string, value: Value, context: FilterContext): Predicate[] {
  if (!Array.isArray(value) || value.length === 0)
    throw badValue(`${operator} must be a nonempty array`);
  return value.map((clause) => {
    if (!isPlainObject(clause)) throw badValue(`${operator} argument's entries must be objects`);
    return compileQuery(clause, context);
  });
}

function topLevel(operator: string, value: Value, context: FilterContext): Predicate {
  switch (operator) {
    case '$and': {
      const all = clauses(operator, value, context);
      return (doc) => all.every((predicate) => predicate(doc));
    }
    case '$or': {
      const any = clauses(operator, value, context);
      return (doc) => any.some((predicate) => predicate(doc));
    }
    case '$nor': {
      const none = clauses(operator, value, context);
      return (doc) => !none.some((predicate) => predicate(doc));
    }
    case '$expr':
      return expressionTest(value, context);
    case '$jsonSchema': {
      if (!isPlainObject(value)) throw badValue('$jsonSchema must be an object');
      return (doc) => matchesSchema(doc, value);
    }
    case '$text':
      throw context.expressionOptions
        ? new MongoCommandError(
            'TextNotFirstStage',
            '$match with $text is only allowed as the first pipeline stage',
          )
        : badValue('$text is not allowed in this context');
    case '$comment':
      return () => true;
    case '$alwaysTrue':
      return () => true;
    case '$alwaysFalse':
      return () => false;
  }
  if (NOT_SUPPORTED.has(operator)) throw unsupported(operator);
  throw badValue(
    `unknown top level operator: ${operator}. If you have a field name that starts with a '$' symbol, consider using $getField or $setField.`,
  );
}

function fieldCondition(parts: string[], condition: Value, context: FilterContext): Predicate {
  if (condition instanceof RegExp || condition instanceof BSONRegExp)
    return onPath(parts, regexTest(parseRegex(condition, undefined)));
  if (isOperatorDocument(condition)) return operators(parts, condition, context);
  return onPath(parts, equalsTest(condition, context.collation));
}

function operators(parts: string[], spec: Doc, context: FilterContext): Predicate {
  const predicates: Predicate[] = [];
  for (const [operator, operand] of Object.entries(spec)) {
    if (operator === '$options') {
      if (!('$regex' in spec)) throw badValue('$options needs a $regex');
      continue;
    }
    predicates.push(operatorPredicate(parts, operator, operand, spec, context));
  }
  if (predicates.length === 1) return predicates[0];
  return (doc) => predicates.every((predicate) => predicate(doc));
}

function operatorPredicate(
  parts: string[],
  operator: string,
  operand: Value,
  spec: Doc,
  context: FilterContext,
): Predicate {
  const { collation } = context;
  switch (operator) {
    case '$eq':
      return onPath(parts, equalsTest(operand, collation));
    case '$ne':
      if (operand instanceof RegExp || operand instanceof BSONRegExp)
        throw badValue("Can't have regex as arg to $ne.");
      return not(onPath(parts, equalsTest(operand, collation)));
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return onPath(parts, comparisonTest(operator as ComparisonOperator, operand, collation));
    case '$in':
      return onPath(parts, inTest(inList(operator, operand), collation));
    case '$nin':
      return not(onPath(parts, inTest(inList(operator, operand), collation)));
    case '$exists':
      return isTruthy(operand) ? onPath(parts, existsTest) : not(onPath(parts, existsTest));
    case '$type':
      return onPath(parts, typeTest(parseTypeAliases(operand)));
    case '$size':
      return onPath(parts, sizeTest(parseSize(operand)), 'whole');
    case '$mod': {
      const [divisor, remainder] = parseMod(operand);
      return onPath(parts, modTest(divisor, remainder));
    }
    case '$regex':
      return onPath(parts, regexTest(parseRegex(operand, spec.$options)));
    case '$all':
      return allOf(parts, operand, context);
    case '$elemMatch':
      return onPath(parts, elemMatchTest(elementTest(operand, context)), 'whole');
    case '$not':
      return not(negated(parts, operand, context));
    case '$bitsAllSet':
    case '$bitsAllClear':
    case '$bitsAnySet':
    case '$bitsAnyClear':
      return onPath(
        parts,
        bitsTest(operator as BitsOperator, parseBitPositions(operator, operand)),
      );
  }
  if (NOT_SUPPORTED.has(operator)) throw unsupported(operator);
  throw badValue(`unknown operator: ${operator}`);
}

function isTruthy(value: Value): boolean {
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return false;
  return typeof value === 'object' || numberOf(value) !== 0 || typeof value === 'string';
}

function inList(operator: string, operand: Value): Value[] {
  if (!Array.isArray(operand)) throw badValue(`${operator} needs an array`);
  for (const value of operand)
    if (isOperatorDocument(value)) throw badValue(`cannot nest $ under ${operator}`);
  return operand;
}

function negated(parts: string[], operand: Value, context: FilterContext): Predicate {
  if (operand instanceof RegExp || operand instanceof BSONRegExp)
    return onPath(parts, regexTest(parseRegex(operand, undefined)));
  if (!isPlainObject(operand)) throw badValue('$not needs a regex or a document');
  if (Object.keys(operand).length === 0) throw badValue('$not cannot be empty');
  return operators(parts, operand, context);
}

/** `$all`: every listed value is one the path holds (an `$elemMatch` entry: an element matches). */
function allOf(parts: string[], operand: Value, context: FilterContext): Predicate {
  if (!Array.isArray(operand)) throw badValue('$all needs an array');
  if (operand.length === 0) return () => false;
  const every = operand.map((item) => {
    if (isPlainObject(item) && Object.keys(item)[0] === '$elemMatch')
      return onPath(parts, elemMatchTest(elementTest(item.$elemMatch, context)), 'whole');
    if (isOperatorDocument(item)) throw badValue('no $ expressions in $all');
    if (item instanceof RegExp || item instanceof BSONRegExp)
      return onPath(parts, regexTest(parseRegex(item, undefined)));
    return onPath(parts, equalsTest(item, context.collation));
  });
  return (doc) => every.every((predicate) => predicate(doc));
}

/**
 * The test `$elemMatch` applies to each array element: operators on the element itself
 * (`{$gte: 80, $lt: 85}`) or a query on an embedded document (`{product: "xyz"}`).
 */
export function elementTest(spec: Value, context: FilterContext): ValueTest {
  if (!isPlainObject(spec)) throw badValue('$elemMatch needs an Object');
  const first = Object.keys(spec)[0];
  const onValue = isOperatorDocument(spec) && !['$and', '$or', '$nor', '$expr'].includes(first);
  if (onValue) {
    const test = operators([], spec, context);
    return (element) => test(element);
  }
  const query = compileQuery(spec, context);
  return (element) => isPlainObject(element) && query(element);
}
