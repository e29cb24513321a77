import {
  Binary,
  BSONRegExp,
  DBRef,
  Decimal128,
  Double,
  Int32,
  Long,
  MaxKey,
  MinKey,
  ObjectId,
  Timestamp,
} from 'bson';
import { compareStrings, type Collation } from './collation';
import { compareNumbers, numericKey } from './numeric';

/**
 * Value representation shared by storage, queries and updates.
 *
 * Documents are stored in a "typed" form that keeps BSON's numeric types apart:
 * - Int32 is a plain JS number (always an integer within the int32 range);
 * - Double is a plain JS number when it has a fraction, and a bson `Double` instance when its
 *   value is integral (so 1.0 keeps coming back as a double and not as an int);
 * - Int64 is a bson `Long` instance; Decimal128, Timestamp, ObjectId, Binary stay bson objects;
 * - a DBRef is the plain sub-document `{$ref, $id, $db}` it is on the wire.
 * Queries, sorts and updates work on this form and compare numbers exactly across types
 * (query/numeric.ts). Aggregation runs on a "view" where `Double` and `Long` instances become
 * plain numbers (`toView`); values computed by aggregation expressions come back as
 * int32/double by value, and a Long beyond 2^53 loses precision there.
 *
 * Field names are data: every read goes through own properties only and every write defines
 * an own property, so fields named `__proto__` or `constructor` are ordinary fields.
 */
export type Value = unknown;
export type Doc = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The value of an own field (never one inherited from Object.prototype). */
export function ownField(doc: Doc, field: string): Value {
  return Object.hasOwn(doc, field) ? doc[field] : undefined;
}

/** Sets a field as an own property, whatever its name (`__proto__` included). */
export function setOwnField(doc: Doc, field: string, value: Value): void {
  if (field === '__proto__')
    Object.defineProperty(doc, field, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else doc[field] = value;
}

function dbRefDocument(ref: DBRef): Doc {
  const doc: Doc = { $ref: ref.collection, $id: normalizeIncoming(ref.oid) };
  if (ref.db) doc.$db = ref.db;
  for (const [field, value] of Object.entries(ref.fields))
    setOwnField(doc, field, normalizeIncoming(value));
  return doc;
}

/** Converts a freshly decoded (promoteValues: false) value into the stored typed form. */
export function normalizeIncoming(value: Value): Value {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Int32) return value.value;
  if (value instanceof Double) return Number.isInteger(value.value) ? value : value.value;
  if (Array.isArray(value)) return value.map(normalizeIncoming);
  if (value instanceof DBRef) return dbRefDocument(value);
  if (isPlainObject(value)) {
    const out: Doc = {};
    for (const key of Object.keys(value)) setOwnField(out, key, normalizeIncoming(value[key]));
    return out;
  }
  return value;
}

/** The query view of a typed value: numbers become plain JS numbers. Shares untouched parts. */
export function toView(value: Value): Value {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Double || value instanceof Int32) return value.value;
  if (value instanceof Long && !(value instanceof Timestamp)) return value.toNumber();
  if (Array.isArray(value)) {
    let out: Value[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const converted = toView(value[i]);
      if (converted !== value[i] && !out) out = value.slice(0, i);
      if (out) out.push(converted);
    }
    return out ?? value;
  }
  if (isPlainObject(value)) {
    let out: Doc | undefined;
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const converted = toView(value[key]);
      if (converted !== value[key] && !out) {
        out = {};
        for (let j = 0; j < i; j++) setOwnField(out, keys[j], value[keys[j]]);
      }
      if (out) setOwnField(out, key, converted);
    }
    return out ?? value;
  }
  return value;
}

export function isNumeric(value: Value): boolean {
  return (
    typeof value === 'number' ||
    value instanceof Double ||
    value instanceof Int32 ||
    (value instanceof Long && !(value instanceof Timestamp)) ||
    value instanceof Decimal128
  );
}

export function numberOf(value: Value): number {
  if (typeof value === 'number') return value;
  if (value instanceof Double || value instanceof Int32) return value.value;
  if (value instanceof Long) return value.toNumber();
  if (value instanceof Decimal128) return Number(value.toString());
  if (typeof value === 'boolean') return value ? 1 : 0;
  return Number(value);
}

export function deepClone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(deepClone) as T;
  if (isPlainObject(value)) {
    const out: Doc = {};
    for (const key of Object.keys(value)) setOwnField(out, key, deepClone(value[key]));
    return out as T;
  }
  return value;
}

/** MongoDB's canonical type order for comparisons and sorts. */
export function typeRank(value: Value): number {
  if (value === undefined || value === null) return 2;
  if (typeof value === 'number' || isNumeric(value)) return 3;
  if (typeof value === 'string' || typeof value === 'symbol') return 4;
  if (typeof value === 'boolean') return 9;
  if (value instanceof MinKey) return 1;
  if (value instanceof MaxKey) return 100;
  if (Array.isArray(value)) return 6;
  if (value instanceof Binary) return 7;
  if (value instanceof ObjectId) return 8;
  if (value instanceof Date) return 10;
  if (value instanceof Timestamp) return 11;
  if (value instanceof RegExp || value instanceof BSONRegExp) return 12;
  return 5;
}

function simpleCompare<T>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Compares two values with MongoDB's cross-type order (arrays compared element-wise), strings
 * under `collation` when one is given.
 */
export function compareValues(a: Value, b: Value, collation?: Collation): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return simpleCompare(rankA, rankB);
  switch (rankA) {
    case 3:
      return compareNumbers(a, b);
    case 4:
      return compareStrings(String(a), String(b), collation);
    case 9:
      return simpleCompare(Number(a), Number(b));
    case 10:
      return simpleCompare((a as Date).getTime(), (b as Date).getTime());
    case 8:
      return simpleCompare((a as ObjectId).toHexString(), (b as ObjectId).toHexString());
    case 11:
      return (a as Timestamp).compare(b as Timestamp);
    case 7:
      return compareBinary(a as Binary, b as Binary);
    case 6:
      return compareArrays(a as Value[], b as Value[], collation);
    case 5:
      return compareObjects(a as Doc, b as Doc, collation);
    case 12:
      return simpleCompare(String(a), String(b));
    default:
      return 0;
  }
}

function compareBinary(a: Binary, b: Binary): number {
  if (a.position !== b.position) return simpleCompare(a.position, b.position);
  if (a.sub_type !== b.sub_type) return simpleCompare(a.sub_type, b.sub_type);
  return Buffer.compare(
    Buffer.from(a.buffer.subarray(0, a.position)),
    Buffer.from(b.buffer.subarray(0, b.position)),
  );
}

function compareArrays(a: Value[], b: Value[], collation?: Collation): number {
  const size = Math.min(a.length, b.length);
  for (let i = 0; i < size; i++) {
    const order = compareValues(a[i], b[i], collation);
    if (order !== 0) return order;
  }
  return simpleCompare(a.length, b.length);
}

function compareObjects(a: Doc, b: Doc, collation?: Collation): number {
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  const size = Math.min(keysA.length, keysB.length);
  for (let i = 0; i < size; i++) {
    const order =
      typeRank(a[keysA[i]]) - typeRank(b[keysB[i]]) ||
      simpleCompare(keysA[i], keysB[i]) ||
      compareValues(a[keysA[i]], b[keysB[i]], collation);
    if (order !== 0) return Math.sign(order);
  }
  return simpleCompare(keysA.length, keysB.length);
}

export function valuesEqual(a: Value, b: Value, collation?: Collation): boolean {
  return compareValues(a, b, collation) === 0;
}

/**
 * A string that is equal for two values exactly when MongoDB considers them equal in an index
 * (numbers by value across int/long/double, null and missing alike). Used as hash-map key.
 */
export function canonicalKey(value: Value): string {
  if (value === undefined || value === null) return 'z';
  switch (typeof value) {
    case 'number':
      return `n${numericKey(value)}`;
    case 'string':
      return `s${value}`;
    case 'boolean':
      return value ? 'T' : 'F';
  }
  if (isNumeric(value)) return `n${numericKey(value)}`;
  if (value instanceof ObjectId) return `o${value.toHexString()}`;
  if (value instanceof Date) return `t${value.getTime()}`;
  if (Array.isArray(value)) return `[${value.map(canonicalKey).join(',')}]`;
  if (value instanceof Binary)
    return `b${value.sub_type}:${Buffer.from(value.buffer.subarray(0, value.position)).toString('base64')}`;
  if (value instanceof Timestamp) return `ts${value.toString()}`;
  if (value instanceof RegExp) return `r${value.source}/${value.flags}`;
  if (value instanceof MinKey) return 'min';
  if (value instanceof MaxKey) return 'max';
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}:${canonicalKey(value[key])}`)
      .join(',')}}`;
  }
  return `x${String(value)}`;
}

/** Formats a value the way MongoDB prints it in error messages (`{ name: "x" }`). */
export function formatValue(value: Value): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Double) return String(value.value);
  if (value instanceof Long) return value.toString();
  if (value instanceof ObjectId) return `ObjectId('${value.toHexString()}')`;
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value instanceof Binary)
    return `BinData(${value.sub_type}, ${Buffer.from(value.buffer.subarray(0, value.position)).toString('hex').toUpperCase()})`;
  if (Array.isArray(value)) return `[ ${value.map(formatValue).join(', ')} ]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    return `{ ${keys.map((key) => `${key}: ${formatValue(value[key])}`).join(', ')} }`;
  }
  return String(value);
}

export function sameCanonical(a: Value, b: Value): boolean {
  return canonicalKey(a) === canonicalKey(b);
}
