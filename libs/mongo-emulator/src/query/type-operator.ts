import { Context } from 'mingo';
import { indexValuesAt, valueAt } from '../storage/paths';
import { bsonTypeName } from './type-names';
import { isPlainObject, type Doc, type Value } from './values';

const NUMBER_CODES: Record<number, string> = {
  1: 'double',
  2: 'string',
  3: 'object',
  4: 'array',
  5: 'binData',
  7: 'objectId',
  8: 'bool',
  9: 'date',
  10: 'null',
  11: 'regex',
  16: 'int',
  17: 'timestamp',
  18: 'long',
  19: 'decimal',
  [-1]: 'minKey',
  127: 'maxKey',
};

function aliasOf(spec: Value): string {
  return typeof spec === 'number' ? (NUMBER_CODES[spec] ?? '') : String(spec);
}

function hasType(value: Value, alias: string): boolean {
  const actual = bsonTypeName(value);
  if (alias === 'number') return ['int', 'long', 'double', 'decimal'].includes(actual);
  if (alias === 'double' && actual === 'int') return false;
  return actual === alias;
}

/** `$type` with MongoDB's aliases and numeric codes (mingo's version lacks several). */
function mongoType(selector: string, spec: Value) {
  const aliases = (Array.isArray(spec) ? spec : [spec]).map(aliasOf);
  return (obj: Doc) => {
    const raw = valueAt(obj, selector);
    if (Array.isArray(raw) && aliases.includes('array')) return true;
    return indexValuesAt(obj, selector).some(
      (value) => value !== undefined && aliases.some((alias) => hasType(value, alias)),
    );
  };
}

export const TYPE_OPERATOR = '$bsonTypeIs';

export const queryContext = Context.init({ query: { [TYPE_OPERATOR]: mongoType as never } });

/** Rewrites `$type` conditions to the MongoDB-faithful operator registered above. */
export function rewriteTypeOperators(filter: Value): Value {
  if (Array.isArray(filter)) return filter.map(rewriteTypeOperators);
  if (!isPlainObject(filter)) return filter;
  const out: Doc = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$expr' || key === '$where' || key === '$jsonSchema') out[key] = value;
    else out[key === '$type' ? TYPE_OPERATOR : key] = rewriteTypeOperators(value);
  }
  return out;
}

/** Applies {@link rewriteTypeOperators} to every `$match` of a pipeline, nested ones included. */
export function rewritePipelineTypes(pipeline: Doc[]): Doc[] {
  return pipeline.map((stage) => {
    const [name] = Object.keys(stage);
    const body = stage[name];
    if (name === '$match') return { $match: rewriteTypeOperators(body) };
    if (
      (name === '$lookup' || name === '$unionWith') &&
      isPlainObject(body) &&
      Array.isArray(body.pipeline)
    ) {
      return { [name]: { ...body, pipeline: rewritePipelineTypes(body.pipeline as Doc[]) } };
    }
    if (name === '$facet' && isPlainObject(body)) {
      return {
        $facet: Object.fromEntries(
          Object.entries(body).map(([facet, sub]) => [facet, rewritePipelineTypes(sub as Doc[])]),
        ),
      };
    }
    return stage;
  });
}
