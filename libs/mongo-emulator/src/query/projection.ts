import { Query } from 'mingo';
import { MongoCommandError } from '../errors';
import { translateMingoError } from './matcher';
import {
  isPlainObject,
  numberOf,
  ownField,
  setOwnField,
  toView,
  type Doc,
  type Value,
} from './values';

export type Projector = (doc: Doc) => Doc;

/** Projected paths as a tree of null-prototype objects (field names are data). */
interface PathTree {
  [field: string]: PathTree | true;
}

function emptyTree(): PathTree {
  return Object.create(null) as PathTree;
}

function isTruthyFlag(value: Value): boolean {
  return typeof value === 'boolean' ? value : numberOf(value) !== 0;
}

function isSlice(value: Value): value is { $slice: Value } {
  return isPlainObject(value) && Object.keys(value).length === 1 && '$slice' in value;
}

function needsExpressionEngine(projection: Doc): boolean {
  return Object.entries(projection).some(
    ([path, value]) =>
      path.endsWith('.$') ||
      (isPlainObject(value) && !isSlice(value)) ||
      typeof value === 'string' ||
      Array.isArray(value),
  );
}

function sliceArray(array: Value[], spec: Value): Value[] {
  if (Array.isArray(spec)) {
    const skip = numberOf(spec[0]);
    const start = skip < 0 ? Math.max(0, array.length + skip) : skip;
    return array.slice(start, start + numberOf(spec[1]));
  }
  const n = numberOf(spec);
  return n >= 0 ? array.slice(0, n) : array.slice(Math.max(0, array.length + n));
}

function withSlices(project: Projector, slices: Array<[string, Value]>): Projector {
  if (slices.length === 0) return project;
  return (doc) => {
    const out = project(doc);
    for (const [path, spec] of slices) {
      const parts = path.split('.');
      let holder: Value = out;
      for (const part of parts.slice(0, -1))
        holder = isPlainObject(holder) ? ownField(holder, part) : undefined;
      const last = parts[parts.length - 1];
      const array = isPlainObject(holder) ? ownField(holder, last) : undefined;
      if (Array.isArray(array)) setOwnField(holder as Doc, last, sliceArray(array, spec));
    }
    return out;
  };
}

function idFirst(doc: Doc): Doc {
  if (!('_id' in doc) || Object.keys(doc)[0] === '_id') return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}

/** Builds the projection function for find/findAndModify (inclusion, exclusion or operators). */
export function compileProjection(projection: unknown, filter?: unknown): Projector | undefined {
  if (projection === undefined || projection === null) return undefined;
  if (!isPlainObject(projection))
    throw new MongoCommandError('TypeMismatch', 'Expected field projection to be of type object');
  if (Object.keys(projection).length === 0) return undefined;
  if (needsExpressionEngine(projection)) {
    const query = new Query((toView(filter ?? {}) as Doc) ?? {}, {});
    const viewProjection = toView(projection) as Doc;
    return (doc) => {
      try {
        return idFirst(query.find([toView(doc)], viewProjection).all()[0] as Doc);
      } catch (error) {
        throw translateMingoError(error);
      }
    };
  }
  const slices = Object.entries(projection)
    .filter(([, value]) => isSlice(value))
    .map(([path, value]) => [path, (value as { $slice: Value }).$slice] as [string, Value]);
  return withSlices(
    compileFieldProjection(
      projection,
      slices.map(([path]) => path),
    ),
    slices,
  );
}

function compileFieldProjection(projection: Doc, slicePaths: string[]): Projector {
  const includeId = !('_id' in projection) || isTruthyFlag(projection._id);
  const fields = Object.entries(projection).filter(
    ([path]) => path !== '_id' && !slicePaths.includes(path),
  );
  const inclusion = fields.some(([, value]) => isTruthyFlag(value));
  for (const [path, value] of fields) {
    if (isTruthyFlag(value) !== inclusion) {
      throw new MongoCommandError(
        31254,
        `Cannot do ${inclusion ? 'exclusion' : 'inclusion'} on field ${path} in ${inclusion ? 'inclusion' : 'exclusion'} projection`,
      );
    }
  }
  const tree = buildTree(fields.map(([path]) => path));
  if (inclusion) for (const path of slicePaths) Object.assign(tree, buildTree([path]));
  if (inclusion || (fields.length === 0 && includeId && slicePaths.length === 0)) {
    if (fields.length === 0 && includeId) return (doc) => ('_id' in doc ? { _id: doc._id } : {});
    return (doc) => ({
      ...(includeId && '_id' in doc ? { _id: doc._id } : {}),
      ...include(doc, tree),
    });
  }
  return (doc) => {
    const out = exclude(doc, tree) as Doc;
    if (!includeId) delete out._id;
    return out;
  };
}

function buildTree(paths: string[]): PathTree {
  const tree = emptyTree();
  for (const path of paths) {
    let node = tree;
    const parts = path.split('.');
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = true;
      else {
        const child = node[part];
        if (child === true) return;
        node = (node[part] = child ?? emptyTree()) as PathTree;
      }
    });
  }
  return tree;
}

function include(doc: Doc, tree: PathTree): Doc {
  const out: Doc = {};
  for (const key of Object.keys(doc)) {
    const rule = tree[key];
    if (!rule) continue;
    if (rule === true) setOwnField(out, key, doc[key]);
    else {
      const projected = includeValue(doc[key], rule);
      if (projected !== undefined) setOwnField(out, key, projected);
    }
  }
  return out;
}

function includeValue(value: Value, tree: PathTree): Value {
  if (Array.isArray(value))
    return value.map((item) => includeValue(item, tree)).filter((item) => item !== undefined);
  if (isPlainObject(value)) return include(value, tree);
  return undefined;
}

function exclude(value: Value, tree: PathTree): Value {
  if (Array.isArray(value)) return value.map((item) => exclude(item, tree));
  if (!isPlainObject(value)) return value;
  const out: Doc = {};
  for (const key of Object.keys(value)) {
    const rule = tree[key];
    if (rule === true) continue;
    setOwnField(out, key, rule ? exclude(value[key], rule) : value[key]);
  }
  return out;
}
