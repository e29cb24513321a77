import { bsonTypeName } from './type-names';
import {
  compareValues,
  isNumeric,
  isPlainObject,
  numberOf,
  ownField,
  valuesEqual,
  type Doc,
  type Value,
} from './values';

type Schema = Doc;

const JSON_TYPES: Record<string, (value: Value) => boolean> = {
  object: isPlainObject,
  array: Array.isArray,
  string: (value) => typeof value === 'string',
  number: isNumeric,
  integer: (value) => isNumeric(value) && Number.isInteger(numberOf(value)),
  boolean: (value) => typeof value === 'boolean',
  null: (value) => value === null,
};

/** `bsonType`: the stored BSON type (`number` covers the four numeric ones). */
function hasBsonType(value: Value, type: string): boolean {
  return type === 'number' ? isNumeric(value) : bsonTypeName(value) === type;
}

/** `minimum`, `maximum` (exclusive or not) and `multipleOf`, compared by value across types. */
function matchesBounds(value: Value, schema: Schema): boolean {
  if (schema.minimum !== undefined) {
    const order = compareValues(value, schema.minimum);
    if (order < 0 || (order === 0 && schema.exclusiveMinimum === true)) return false;
  }
  if (schema.maximum !== undefined) {
    const order = compareValues(value, schema.maximum);
    if (order > 0 || (order === 0 && schema.exclusiveMaximum === true)) return false;
  }
  return schema.multipleOf === undefined || numberOf(value) % numberOf(schema.multipleOf) === 0;
}

function anyOf<T>(spec: T | T[], check: (item: T) => boolean): boolean {
  return Array.isArray(spec) ? spec.some(check) : check(spec);
}

/** Validates a value against MongoDB's `$jsonSchema` dialect (the commonly used keywords). */
export function matchesSchema(value: Value, schema: Schema): boolean {
  if (
    schema.bsonType !== undefined &&
    !anyOf(schema.bsonType as string | string[], (type) => hasBsonType(value, type))
  )
    return false;
  if (
    schema.type !== undefined &&
    !anyOf(schema.type as string | string[], (type) => JSON_TYPES[type]?.(value) ?? false)
  )
    return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => valuesEqual(option, value)))
    return false;
  if (isNumeric(value) && !matchesBounds(value, schema)) return false;
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && [...value].length < Number(schema.minLength))
      return false;
    if (schema.maxLength !== undefined && [...value].length > Number(schema.maxLength))
      return false;
    if (schema.pattern !== undefined && !new RegExp(String(schema.pattern), 'u').test(value))
      return false;
  }
  if (Array.isArray(value) && !matchesArray(value, schema)) return false;
  if (isPlainObject(value) && !matchesObject(value, schema)) return false;
  if (
    Array.isArray(schema.allOf) &&
    !schema.allOf.every((sub) => matchesSchema(value, sub as Schema))
  )
    return false;
  if (
    Array.isArray(schema.anyOf) &&
    !schema.anyOf.some((sub) => matchesSchema(value, sub as Schema))
  )
    return false;
  if (
    Array.isArray(schema.oneOf) &&
    schema.oneOf.filter((sub) => matchesSchema(value, sub as Schema)).length !== 1
  )
    return false;
  if (isPlainObject(schema.not) && matchesSchema(value, schema.not)) return false;
  return true;
}

function matchesArray(value: Value[], schema: Schema): boolean {
  if (schema.minItems !== undefined && value.length < Number(schema.minItems)) return false;
  if (schema.maxItems !== undefined && value.length > Number(schema.maxItems)) return false;
  if (
    schema.uniqueItems === true &&
    value.some((item, i) => value.findIndex((other) => compareValues(other, item) === 0) !== i)
  )
    return false;
  if (isPlainObject(schema.items))
    return value.every((item) => matchesSchema(item, schema.items as Schema));
  if (Array.isArray(schema.items)) {
    const tuple = schema.items as Schema[];
    if (!tuple.every((sub, i) => i >= value.length || matchesSchema(value[i], sub))) return false;
    if (schema.additionalItems === false && value.length > tuple.length) return false;
  }
  return true;
}

function matchesObject(value: Doc, schema: Schema): boolean {
  const keys = Object.keys(value);
  if (
    Array.isArray(schema.required) &&
    !schema.required.every((field) => Object.hasOwn(value, field))
  )
    return false;
  if (schema.minProperties !== undefined && keys.length < Number(schema.minProperties))
    return false;
  if (schema.maxProperties !== undefined && keys.length > Number(schema.maxProperties))
    return false;
  const properties = (isPlainObject(schema.properties) ? schema.properties : {}) as Record<
    string,
    Schema
  >;
  const patterns = Object.entries(
    isPlainObject(schema.patternProperties) ? schema.patternProperties : {},
  ).map(([pattern, sub]) => [new RegExp(pattern, 'u'), sub as Schema] as const);
  for (const key of keys) {
    const known = ownField(properties, key) as Schema | undefined;
    if (known && !matchesSchema(value[key], known)) return false;
    const byPattern = patterns.filter(([pattern]) => pattern.test(key));
    if (!byPattern.every(([, sub]) => matchesSchema(value[key], sub))) return false;
    if (!known && byPattern.length === 0) {
      if (schema.additionalProperties === false) return false;
      if (
        isPlainObject(schema.additionalProperties) &&
        !matchesSchema(value[key], schema.additionalProperties)
      )
        return false;
    }
  }
  if (isPlainObject(schema.dependencies)) {
    for (const [field, dependency] of Object.entries(schema.dependencies)) {
      if (!Object.hasOwn(value, field)) continue;
      if (Array.isArray(dependency) && !dependency.every((other) => Object.hasOwn(value, other)))
        return false;
      if (isPlainObject(dependency) && !matchesSchema(value, dependency)) return false;
    }
  }
  return true;
}
