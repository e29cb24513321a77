import { EJSON } from 'bson';

/** A value the runner treats as a document: a plain object that is not a BSON wrapper type. */
export function isDocument(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  if ('_bsontype' in value) return false;
  if (value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function bsonTypeOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const tag = (value as { _bsontype?: unknown })._bsontype;
  return typeof tag === 'string' ? tag : undefined;
}

/** Int32, Double, Long and JS numbers compare by value; Decimal128 is deliberately excluded. */
export function isNumeric(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'bigint') return true;
  const tag = bsonTypeOf(value);
  return tag === 'Int32' || tag === 'Double' || tag === 'Long';
}

function toBigIntIfIntegral(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (bsonTypeOf(value) === 'Long') return BigInt((value as { toString(): string }).toString());
  const number = toNumber(value);
  return Number.isSafeInteger(number) ? BigInt(number) : undefined;
}

export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return Number((value as { valueOf(): unknown }).valueOf());
}

/** Compares two numeric values: negative, zero or positive like a sort comparator. */
export function compareNumbers(left: unknown, right: unknown): number {
  const leftInteger = toBigIntIfIntegral(left);
  const rightInteger = toBigIntIfIntegral(right);
  if (leftInteger !== undefined && rightInteger !== undefined) {
    return leftInteger === rightInteger ? 0 : leftInteger < rightInteger ? -1 : 1;
  }
  const difference = toNumber(left) - toNumber(right);
  return Number.isNaN(difference) ? (Number.isNaN(toNumber(left)) ? 0 : 1) : Math.sign(difference);
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * The `$type` names a value can have. The driver promotes int32, int64 and double to JS numbers,
 * so an integral JS number may have been any of them; a fractional one can only be a double.
 */
export function typeNamesOf(value: unknown): string[] {
  if (value === undefined) return [];
  if (value === null) return ['null'];
  if (typeof value === 'string') return ['string'];
  if (typeof value === 'boolean') return ['bool'];
  if (typeof value === 'bigint') return ['long', 'number'];
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return ['double', 'number'];
    const inInt32Range = value >= INT32_MIN && value <= INT32_MAX;
    return inInt32Range ? ['int', 'long', 'double', 'number'] : ['long', 'double', 'number'];
  }
  if (Array.isArray(value)) return ['array'];
  if (value instanceof Date) return ['date'];
  if (value instanceof RegExp) return ['regex'];
  if (ArrayBuffer.isView(value)) return ['binData'];
  const byTag: Record<string, string[]> = {
    Int32: ['int', 'number'],
    Double: ['double', 'number'],
    Long: ['long', 'number'],
    Decimal128: ['decimal', 'number'],
    ObjectId: ['objectId'],
    Binary: ['binData'],
    BSONRegExp: ['regex'],
    Timestamp: ['timestamp'],
    MinKey: ['minKey'],
    MaxKey: ['maxKey'],
    BSONSymbol: ['symbol'],
    DBRef: ['object'],
    Code: [(value as { scope?: unknown }).scope ? 'javascriptWithScope' : 'javascript'],
  };
  const tag = bsonTypeOf(value);
  if (tag !== undefined) return byTag[tag] ?? [tag];
  return ['object'];
}

function regExpParts(value: unknown): { pattern: string; flags: string } | undefined {
  if (value instanceof RegExp)
    return { pattern: value.source, flags: [...value.flags].sort().join('') };
  if (bsonTypeOf(value) === 'BSONRegExp') {
    const regex = value as { pattern: string; options: string };
    return { pattern: regex.pattern, flags: [...regex.options].sort().join('') };
  }
  return undefined;
}

function bytesOf(value: unknown): Buffer | undefined {
  if (ArrayBuffer.isView(value))
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (bsonTypeOf(value) === 'Binary') {
    const binary = value as { buffer: Uint8Array; position: number };
    return Buffer.from(binary.buffer.buffer, binary.buffer.byteOffset, binary.position);
  }
  return undefined;
}

/** Equality of two non-document, non-array values, with flexible numeric comparison. */
export function scalarsEqual(expected: unknown, actual: unknown): boolean {
  if (isNumeric(expected) && isNumeric(actual)) return compareNumbers(expected, actual) === 0;
  if (isNumeric(expected) || isNumeric(actual)) return false;
  const expectedRegExp = regExpParts(expected);
  const actualRegExp = regExpParts(actual);
  if (expectedRegExp || actualRegExp) {
    return (
      expectedRegExp?.pattern === actualRegExp?.pattern &&
      expectedRegExp?.flags === actualRegExp?.flags
    );
  }
  if (expected instanceof Date || actual instanceof Date) {
    return (
      expected instanceof Date && actual instanceof Date && expected.getTime() === actual.getTime()
    );
  }
  const expectedBytes = bytesOf(expected);
  const actualBytes = bytesOf(actual);
  if (expectedBytes || actualBytes) {
    const sameSubtype =
      (expected as { sub_type?: number }).sub_type === (actual as { sub_type?: number }).sub_type;
    return !!expectedBytes && !!actualBytes && sameSubtype && expectedBytes.equals(actualBytes);
  }
  if (typeof expected !== 'object' || expected === null) return expected === actual;
  if (bsonTypeOf(expected) !== bsonTypeOf(actual)) return false;
  return canonical(expected) === canonical(actual);
}

function canonical(value: unknown): string {
  return EJSON.stringify(value as never, { relaxed: false });
}

/** A short, readable rendering of a value for failure messages. */
export function describe(value: unknown, limit = 160): string {
  if (value === undefined) return '(absent)';
  let text: string;
  try {
    text = EJSON.stringify(value as never, { relaxed: true });
  } catch {
    text = String(value);
  }
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
