import { MongoCommandError, type ErrorCodeName, type LocationCodeName } from '../errors';
import { engineOptions, evaluateExpression } from './aggregation/engine';
import type { Collation } from './collation';
import { elementTest, isOperatorDocument } from './filter/compile';
import type { ValueTest } from './filter/leaf';
import { matchedArrayIndex, replaceAt } from './positional';
import {
  isNumeric,
  isPlainObject,
  normalizeIncoming,
  numberOf,
  ownField,
  setOwnField,
  toView,
  type Doc,
  type Value,
} from './values';

/**
 * Projections of find and findAndModify, as MongoDB 7.0 applies them: inclusion or exclusion
 * of paths, `$slice`, `$elemMatch` (first matching element, values or documents), the
 * positional `field.$` (the element the query matched) and computed fields (aggregation
 * expressions, evaluated by the aggregation engine). The stored document is never changed.
 */
export type Projector = (doc: Doc, textScore?: number) => Doc;

export interface ProjectionContext {
  /** The query that selected the documents (for `field.$`). */
  filter?: unknown;
  collation?: Collation;
  variables?: Doc;
  /** Whether the query is a text search, so `{$meta: 'textScore'}` has a score to show. */
  textScores?: boolean;
}

type Rule =
  | { kind: 'include' | 'exclude' | 'positional' | 'textScore' }
  | { kind: 'slice'; spec: Value }
  | { kind: 'elemMatch'; test: ValueTest }
  | { kind: 'expression'; expression: Value };

/** Projected paths as a tree of null-prototype objects (field names are data). */
interface PathTree {
  [field: string]: PathTree | true;
}

function fail(code: ErrorCodeName | LocationCodeName, message: string): MongoCommandError {
  return new MongoCommandError(code, message);
}

function isFlag(value: Value): boolean {
  return typeof value === 'boolean' || isNumeric(value);
}

function isTruthyFlag(value: Value): boolean {
  return typeof value === 'boolean' ? value : numberOf(value) !== 0;
}

/** `{a: {b: 1}}` is `{'a.b': 1}` (a sub-projection), expressions and operators excepted. */
function flatten(projection: Doc, prefix = '', out: Array<[string, Value]> = []) {
  for (const [field, value] of Object.entries(projection)) {
    const path = prefix + field;
    if (isPlainObject(value) && !isOperatorDocument(value)) {
      if (Object.keys(value).length === 0)
        throw fail(
          'EmptySubProjection',
          `An empty sub-projection is not a valid value. Found empty object at path`,
        );
      flatten(value, `${path}.`, out);
    } else out.push([path, value]);
  }
  return out;
}

function ruleOf(path: string, value: Value, context: ProjectionContext): Rule {
  if (path.endsWith('.$')) return { kind: 'positional' };
  if (isPlainObject(value) && Object.keys(value).length === 1) {
    if (value.$meta === 'textScore') {
      if (!context.textScores)
        throw fail(
          'TextScoreUnavailable',
          'query requires text score metadata, but it is not available',
        );
      return { kind: 'textScore' };
    }
    if ('$slice' in value) return { kind: 'slice', spec: parseSlice(value.$slice) };
    if ('$elemMatch' in value) {
      if (path.includes('.'))
        throw fail('BadValue', 'Cannot use $elemMatch projection on a nested field.');
      return { kind: 'elemMatch', test: elementTest(value.$elemMatch, context) };
    }
  }
  if (isFlag(value)) return { kind: isTruthyFlag(value) ? 'include' : 'exclude' };
  return { kind: 'expression', expression: value };
}

function parseSlice(spec: Value): Value {
  if (Array.isArray(spec)) {
    if (spec.length !== 2 || !spec.every(isFlag))
      throw fail('SliceArgument', 'First argument to $slice must be an array');
    if (numberOf(spec[1]) <= 0)
      throw fail(
        'SliceArgument',
        `Invalid $slice syntax. The given syntax did not match the find() syntax because :: Location31130: $slice limit must be positive`,
      );
    return spec;
  }
  if (!isFlag(spec))
    throw fail('BadValue', '$slice only supports numbers and [skip, limit] arrays');
  return spec;
}

function sliceArray(array: Value[], spec: Value): Value[] {
  if (Array.isArray(spec)) {
    const skip = numberOf(spec[0]);
    const start = skip < 0 ? Math.max(0, array.length + skip) : Math.min(skip, array.length);
    return array.slice(start, start + numberOf(spec[1]));
  }
  const n = numberOf(spec);
  return n >= 0 ? array.slice(0, n) : array.slice(Math.max(0, array.length + n));
}

/** A copy of `value` with the arrays at the path sliced (through arrays of documents too). */
function sliceAt(value: Value, parts: string[], spec: Value): Value {
  if (parts.length === 0) return Array.isArray(value) ? sliceArray(value, spec) : value;
  if (Array.isArray(value)) return value.map((item) => sliceAt(item, parts, spec));
  if (!isPlainObject(value) || !Object.hasOwn(value, parts[0])) return value;
  const copy: Doc = { ...value };
  setOwnField(copy, parts[0], sliceAt(value[parts[0]], parts.slice(1), spec));
  return copy;
}

function buildTree(paths: string[]): PathTree {
  const tree = Object.create(null) as PathTree;
  for (const path of paths) {
    let node = tree;
    const parts = path.split('.');
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = true;
      else if (node[part] !== true)
        node = (node[part] ??= Object.create(null) as PathTree) as PathTree;
    });
  }
  return tree;
}

function include(doc: Doc, tree: PathTree): Doc {
  const out: Doc = {};
  for (const key of Object.keys(doc)) {
    const rule = tree[key];
    if (!rule) continue;
    const value = rule === true ? doc[key] : includeValue(doc[key], rule);
    if (value !== undefined) setOwnField(out, key, value);
  }
  return out;
}

function includeValue(value: Value, tree: PathTree): Value {
  if (Array.isArray(value))
    return value.map((item) => includeValue(item, tree)).filter((item) => item !== undefined);
  return isPlainObject(value) ? include(value, tree) : undefined;
}

function exclude(value: Value, tree: PathTree): Value {
  if (Array.isArray(value)) return value.map((item) => exclude(item, tree));
  if (!isPlainObject(value)) return value;
  const out: Doc = {};
  for (const key of Object.keys(value)) {
    const rule = tree[key];
    if (rule !== true) setOwnField(out, key, rule ? exclude(value[key], rule) : value[key]);
  }
  return out;
}

/** Builds the projection function for find/findAndModify, or undefined for none. */
export function compileProjection(
  projection: unknown,
  context: ProjectionContext = {},
): Projector | undefined {
  if (projection === undefined || projection === null) return undefined;
  if (!isPlainObject(projection))
    throw new MongoCommandError('TypeMismatch', 'Expected field projection to be of type object');
  if (Object.keys(projection).length === 0) return undefined;
  const rules = flatten(projection).map(
    ([path, value]) => [path, ruleOf(path, value, context)] as const,
  );
  const idRule = rules.find(([path]) => path === '_id')?.[1];
  const fields = rules.filter(([path]) => path !== '_id');
  let mode: 'inclusion' | 'exclusion' | undefined;
  for (const [path, rule] of fields) {
    if (rule.kind === 'slice' || rule.kind === 'textScore') continue;
    const wanted = rule.kind === 'exclude' ? 'exclusion' : 'inclusion';
    if (mode && mode !== wanted)
      throw fail(
        wanted === 'exclusion'
          ? 'ProjectionExclusionInInclusion'
          : 'ProjectionInclusionInExclusion',
        `Cannot do ${wanted} on field ${path} in ${mode} projection`,
      );
    mode = wanted;
  }
  if (fields.filter(([, rule]) => rule.kind === 'positional').length > 1)
    throw fail(
      'MultiplePositionalProjections',
      'Cannot specify more than one positional proj. per query.',
    );
  if (!mode)
    mode =
      idRule?.kind === 'expression' ||
      (idRule?.kind === 'include' && fields.every(([, rule]) => rule.kind === 'textScore'))
        ? 'inclusion'
        : 'exclusion';
  const keepId = idRule === undefined || idRule.kind !== 'exclude';
  const slices = fields.filter(([, rule]) => rule.kind === 'slice') as Array<
    [string, { kind: 'slice'; spec: Value }]
  >;
  const base =
    mode === 'inclusion'
      ? inclusion(fields, keepId, idRule, context)
      : exclusion(
          fields.filter(([, rule]) => rule.kind === 'exclude').map(([path]) => path),
          keepId,
        );
  const scorePaths = fields
    .filter(([, rule]) => rule.kind === 'textScore')
    .map(([path]) => path.split('.'));
  return (doc, textScore) => {
    const out = slices.reduce<Doc>(
      (sliced, [path, rule]) => sliceAt(sliced, path.split('.'), rule.spec) as Doc,
      base(doc),
    );
    return scorePaths.reduce<Doc>((scored, parts) => setComputed(scored, parts, textScore), out);
  };
}

function exclusion(paths: string[], keepId: boolean): Projector {
  const tree = buildTree(paths);
  return (doc) => {
    const out = exclude(doc, tree) as Doc;
    if (!keepId) delete out._id;
    return out;
  };
}

function inclusion(
  fields: Array<readonly [string, Rule]>,
  keepId: boolean,
  idRule: Rule | undefined,
  context: ProjectionContext,
): Projector {
  const basePath = (path: string, rule: Rule) =>
    rule.kind === 'positional' ? path.slice(0, -2) : path;
  const tree = buildTree(
    fields
      .filter(([, rule]) => rule.kind !== 'expression' && rule.kind !== 'textScore')
      .map(([path, rule]) => basePath(path, rule)),
  );
  const computed = fields.filter(([, rule]) => rule.kind === 'expression') as Array<
    [string, { kind: 'expression'; expression: Value }]
  >;
  if (idRule?.kind === 'expression') computed.unshift(['_id', idRule]);
  const options = computed.length > 0 ? engineOptions(context) : undefined;
  return (doc) => {
    let out: Doc =
      keepId && idRule?.kind !== 'expression' && Object.hasOwn(doc, '_id') ? { _id: doc._id } : {};
    out = { ...out, ...include(doc, tree) };
    for (const [path, rule] of fields) {
      if (rule.kind === 'elemMatch') out = projectElemMatch(out, path, rule.test);
      if (rule.kind === 'positional')
        out = projectPositional(doc, out, basePath(path, rule), context);
    }
    for (const [path, rule] of computed) {
      const value = normalizeIncoming(
        evaluateExpression(rule.expression, toView(doc) as Doc, options!),
      );
      out = setComputed(out, path.split('.'), value);
    }
    return out;
  };
}

function projectElemMatch(out: Doc, field: string, test: ValueTest): Doc {
  const array = ownField(out, field);
  const match = Array.isArray(array) ? array.find((element) => test(element)) : undefined;
  const copy: Doc = { ...out };
  if (match === undefined) delete copy[field];
  else setOwnField(copy, field, [match]);
  return copy;
}

function projectPositional(doc: Doc, out: Doc, arrayPath: string, context: ProjectionContext): Doc {
  const parts = arrayPath.split('.');
  let array: Value = out;
  for (const part of parts) array = isPlainObject(array) ? ownField(array, part) : undefined;
  if (!Array.isArray(array)) return out;
  const index = matchedArrayIndex(doc, context.filter, arrayPath, context.collation);
  if (index === undefined)
    throw fail(
      'PositionalProjectionNoMatch',
      "positional operator '.$' couldn't find a matching element in the array",
    );
  return replaceAt(out, parts, [array[index]]) as Doc;
}

function setComputed(out: Doc, parts: string[], value: Value): Doc {
  const [part, ...rest] = parts;
  const copy: Doc = { ...out };
  if (rest.length === 0) {
    if (value === undefined) delete copy[part];
    else setOwnField(copy, part, value);
    return copy;
  }
  const child = ownField(out, part);
  setOwnField(copy, part, setComputed(isPlainObject(child) ? child : {}, rest, value));
  return copy;
}
