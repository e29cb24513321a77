import { MongoCommandError } from '../../errors';
import { runPipeline } from '../aggregation/engine';
import type { Collation } from '../collation';
import { matchedArrayIndex } from '../positional';
import {
  deepClone,
  formatValue,
  isPlainObject,
  valuesEqual,
  type Doc,
  type Value,
} from '../values';
import { updateOperators } from './operators';
import {
  compileArrayFilters,
  expandPath,
  getAt,
  setAt,
  unsetAt,
  type PositionalContext,
} from './paths';
import type { TouchedPath } from './update-description';

export interface UpdateOptions {
  arrayFilters?: unknown;
  /** The query that selected the document (for the positional `$` operator). */
  filter?: unknown;
  isInsert?: boolean;
  variables?: Doc;
  /** The statement's collation, for the query parts of operators (`$pull`, arrayFilters...). */
  collation?: Collation;
  /** Receives every concrete path the operators write (for the change stream's description). */
  touched?: TouchedPath[];
}

interface Modification {
  operator: string;
  path: string;
  operand: Value;
}

export function isOperatorUpdate(update: unknown): update is Doc {
  return (
    isPlainObject(update) &&
    Object.keys(update).length > 0 &&
    Object.keys(update).every((key) => key.startsWith('$'))
  );
}

/** Whether `update` is a replacement document (no operators), validating mixed forms. */
export function isReplacement(update: unknown): boolean {
  if (Array.isArray(update)) return false;
  if (!isPlainObject(update))
    throw new MongoCommandError(
      'FailedToParse',
      'Update argument must be either an object or an array',
    );
  const keys = Object.keys(update);
  if (keys.length === 0) return true;
  if (keys[0].startsWith('$')) return false;
  const dollar = keys.find((key) => key.startsWith('$'));
  if (dollar) {
    throw new MongoCommandError(
      'DollarPrefixedFieldName',
      `The dollar ($) prefixed field '${dollar}' in '${dollar}' is not allowed in the context of an update's replacement document. Consider using an aggregation pipeline with $replaceWith.`,
    );
  }
  return true;
}

function parseModifications(update: Doc): Modification[] {
  const modifications: Modification[] = [];
  for (const [operator, fields] of Object.entries(update)) {
    if (!(operator in updateOperators) && operator !== '$rename') {
      throw new MongoCommandError(
        'FailedToParse',
        `Unknown modifier: ${operator}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    }
    if (!isPlainObject(fields)) {
      throw new MongoCommandError(
        'FailedToParse',
        `Modifiers operate on fields but we found type ${Array.isArray(fields) ? 'array' : typeof fields} instead. For example: {$mod: {<field>: ...}} not {${operator}: ${formatValue(fields)}}`,
      );
    }
    for (const [path, operand] of Object.entries(fields)) {
      if (path === '' || path.split('.').some((part) => part === ''))
        throw new MongoCommandError('EmptyFieldName', `An empty update path is not valid.`);
      modifications.push({ operator, path, operand });
    }
  }
  return modifications;
}

function conflictPrefix(a: string, b: string): string | undefined {
  if (a === b) return a;
  if (b.startsWith(`${a}.`)) return a;
  if (a.startsWith(`${b}.`)) return b;
  return undefined;
}

function assertNoConflicts(modifications: Modification[]): void {
  const paths = modifications.flatMap((m) =>
    m.operator === '$rename' ? [m.path, String(m.operand)] : [m.path],
  );
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      const prefix = conflictPrefix(paths[i], paths[j]);
      if (prefix !== undefined)
        throw new MongoCommandError(
          'ConflictingUpdateOperators',
          `Updating the path '${paths[j]}' would create a conflict at '${prefix}'`,
        );
    }
  }
}

function applyOperators(original: Doc, update: Doc, options: UpdateOptions): Doc {
  const modifications = parseModifications(update).sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  assertNoConflicts(modifications);
  const doc = deepClone(original);
  const positional: PositionalContext = {
    arrayFilters: compileArrayFilters(options.arrayFilters, options.collation),
  };
  const firstPositional = modifications.find((m) => m.path.split('.').includes('$'));
  if (firstPositional) {
    const parts = firstPositional.path.split('.');
    positional.matchedIndex = matchedArrayIndex(
      original,
      options.filter,
      parts.slice(0, parts.indexOf('$')).join('.'),
      options.collation,
    );
  }
  const context = {
    doc,
    isInsert: options.isInsert === true,
    now: new Date(),
    collation: options.collation,
  };
  for (const { operator, path, operand } of modifications) {
    if (operator === '$rename') {
      rename(doc, path, operand);
      options.touched?.push(
        { operator: '$unset', parts: path.split('.') },
        { operator: '$set', parts: String(operand).split('.') },
      );
      continue;
    }
    const concretePaths = path.includes('$')
      ? expandPath(doc, path, positional)
      : [path.split('.')];
    for (const parts of concretePaths) {
      updateOperators[operator](context, parts, operand, path);
      options.touched?.push({ operator, parts, operand });
    }
  }
  return doc;
}

function rename(doc: Doc, from: string, to: Value): void {
  if (typeof to !== 'string')
    throw new MongoCommandError(
      'BadValue',
      `The 'to' field for $rename must be a string: ${from}: ${formatValue(to)}`,
    );
  if (from === to)
    throw new MongoCommandError(
      'BadValue',
      `The source and target field for $rename must differ: ${from}: ${JSON.stringify(to)}`,
    );
  const value = getAt(doc, from.split('.'));
  if (value === undefined) return;
  unsetAt(doc, from.split('.'));
  setAt(doc, to.split('.'), value);
}

function applyPipeline(original: Doc, pipeline: Doc[], options: UpdateOptions): Doc {
  const allowed = new Set([
    '$addFields',
    '$set',
    '$project',
    '$unset',
    '$replaceRoot',
    '$replaceWith',
  ]);
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0];
    if (!allowed.has(name))
      throw new MongoCommandError(
        'InvalidOptions',
        `${name} is not allowed to be used within an update`,
      );
  }
  const [result] = runPipeline(pipeline, [original], { variables: options.variables });
  return result;
}

function replace(original: Doc, replacement: Doc): Doc {
  if ('_id' in replacement || !('_id' in original)) return deepClone(replacement);
  return { _id: original._id, ...deepClone(replacement) };
}

/** Applies an update (operators, replacement or pipeline) and returns the new document. */
export function applyUpdate(original: Doc, update: unknown, options: UpdateOptions = {}): Doc {
  let result: Doc;
  if (Array.isArray(update)) result = applyPipeline(original, update as Doc[], options);
  else if (isReplacement(update)) result = replace(original, update as Doc);
  else result = applyOperators(original, update as Doc, options);
  if (!options.isInsert && '_id' in original && !valuesEqual(original._id, result._id)) {
    if (!('_id' in result) && Array.isArray(update)) result = { _id: original._id, ...result };
    else {
      const message = isOperatorUpdate(update)
        ? "Performing an update on the path '_id' would modify the immutable field '_id'"
        : `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${formatValue(result._id)}`;
      throw new MongoCommandError('ImmutableField', message);
    }
  }
  return result;
}

/** Whether two typed documents are identical, types included (decides `nModified`). */
export function sameDocument(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a.constructor !== b.constructor) return false;
  if (Array.isArray(a))
    return (
      a.length === (b as Value[]).length &&
      a.every((item, i) => sameDocument(item, (b as Value[])[i]))
    );
  if (isPlainObject(a)) {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b as Doc);
    return (
      keysA.length === keysB.length &&
      keysA.every((key, i) => key === keysB[i] && sameDocument(a[key], (b as Doc)[key]))
    );
  }
  return valuesEqual(a, b);
}
