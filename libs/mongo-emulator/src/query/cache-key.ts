import {
  Binary,
  BSONRegExp,
  Decimal128,
  Double,
  Long,
  MaxKey,
  MinKey,
  ObjectId,
  Timestamp,
} from 'bson';
import { isPlainObject, type Value } from './values';

/**
 * A string naming a value exactly (type and content), for caching what is compiled from it;
 * undefined for values it cannot name faithfully (functions, unknown objects).
 */
export function cacheKeyOf(value: Value): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'number':
      return Object.is(value, -0) ? 'n-0' : `n${value}`;
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return objectKey(value);
    default:
      return undefined;
  }
}

function objectKey(value: object): string | undefined {
  if (Array.isArray(value)) return arrayKey(value);
  if (isPlainObject(value)) {
    const parts: string[] = [];
    for (const key of Object.keys(value)) {
      const part = cacheKeyOf(value[key]);
      if (part === undefined) return undefined;
      parts.push(`${JSON.stringify(key)}:${part}`);
    }
    return `{${parts.join(',')}}`;
  }
  if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
  if (value instanceof BSONRegExp)
    return `bsonRegex(${JSON.stringify(value.pattern)},${value.options})`;
  if (value instanceof Double) return `double(${Object.is(value.value, -0) ? '-0' : value.value})`;
  if (value instanceof Date) return `date(${value.getTime()})`;
  if (value instanceof ObjectId) return `oid(${value.toHexString()})`;
  if (value instanceof Timestamp) return `ts(${value.toString()})`;
  if (value instanceof Long) return `long(${value.toString()})`;
  if (value instanceof Decimal128) return `dec(${value.toString()})`;
  if (value instanceof Binary)
    return `bin(${value.sub_type},${Buffer.from(value.buffer.subarray(0, value.position)).toString('base64')})`;
  if (value instanceof MinKey) return 'minKey';
  if (value instanceof MaxKey) return 'maxKey';
  return undefined;
}

function arrayKey(items: Value[]): string | undefined {
  const parts: string[] = [];
  for (const item of items) {
    const part = cacheKeyOf(item);
    if (part === undefined) return undefined;
    parts.push(part);
  }
  return `[${parts.join(',')}]`;
}
