import { Binary, BSONRegExp } from 'bson';
import { MongoCommandError } from '../../errors';
import { isNumeric, numberOf, type Value } from '../values';
import { jsFlags } from './leaf';

/** Validation of query operator operands, with MongoDB's messages. */

function badValue(message: string): MongoCommandError {
  return new MongoCommandError('BadValue', message);
}

const TYPE_CODES: Record<number, string> = {
  1: 'double',
  2: 'string',
  3: 'object',
  4: 'array',
  5: 'binData',
  6: 'undefined',
  7: 'objectId',
  8: 'bool',
  9: 'date',
  10: 'null',
  11: 'regex',
  12: 'dbPointer',
  13: 'javascript',
  14: 'symbol',
  15: 'javascriptWithScope',
  16: 'int',
  17: 'timestamp',
  18: 'long',
  19: 'decimal',
  [-1]: 'minKey',
  127: 'maxKey',
};

const TYPE_ALIASES = new Set([...Object.values(TYPE_CODES), 'number']);

/** `$type`'s operand: one alias or numeric code, or an array of them. */
export function parseTypeAliases(operand: Value): string[] {
  const specs = Array.isArray(operand) ? operand : [operand];
  return specs.map((spec) => {
    if (typeof spec === 'string') {
      if (!TYPE_ALIASES.has(spec)) throw badValue(`Unknown type name alias: ${spec}`);
      return spec;
    }
    if (!isNumeric(spec)) throw badValue('type must be represented as a number or a string');
    const code = numberOf(spec);
    const alias = TYPE_CODES[code];
    if (!alias) throw badValue(`Invalid numerical type code: ${code}`);
    return alias;
  });
}

export function parseSize(operand: Value): number {
  if (!isNumeric(operand)) throw badValue('$size needs a number');
  const size = numberOf(operand);
  if (size < 0) throw badValue('$size may not be negative');
  if (!Number.isInteger(size)) throw badValue('$size must be a whole number');
  return size;
}

export function parseMod(operand: Value): [number, number] {
  if (!Array.isArray(operand)) throw badValue('malformed mod, needs to be an array');
  if (operand.length < 2) throw badValue('malformed mod, not enough elements');
  if (operand.length > 2) throw badValue('malformed mod, too many elements');
  const [divisor, remainder] = operand;
  if (!isNumeric(divisor)) throw badValue('malformed mod, divisor not a number');
  if (!isNumeric(remainder)) throw badValue('malformed mod, remainder not a number');
  const d = Math.trunc(numberOf(divisor));
  if (d === 0) throw badValue('divisor cannot be 0');
  return [d, Math.trunc(numberOf(remainder))];
}

/** Strips the whitespace and `#` comments of a pattern written with the `x` option. */
function extended(pattern: string): string {
  return pattern.replace(/\\#|#[^\n]*|\s+/g, (match) => (match === '\\#' ? match : ''));
}

/** `$regex` (with `$options`) or a regular expression literal as a JavaScript RegExp. */
export function parseRegex(pattern: Value, options: Value): RegExp {
  if (options !== undefined && typeof options !== 'string')
    throw badValue('$options has to be a string');
  let source: string;
  let flags = typeof options === 'string' ? options : '';
  if (pattern instanceof RegExp) {
    source = pattern.source;
    flags += pattern.flags;
  } else if (pattern instanceof BSONRegExp) {
    source = pattern.pattern;
    flags += pattern.options;
  } else if (typeof pattern === 'string') {
    source = pattern;
  } else {
    throw badValue('$regex has to be a string');
  }
  if (flags.includes('x')) source = extended(source);
  try {
    return new RegExp(source, jsFlags(flags));
  } catch (error) {
    throw new MongoCommandError(
      'InvalidRegex',
      `Regular expression is invalid: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The bit positions of a `$bits*` operand: a list of positions, a bitmask or binary data. */
export function parseBitPositions(operator: string, operand: Value): number[] {
  if (Array.isArray(operand)) {
    return operand.map((position) => {
      const n = isNumeric(position) ? numberOf(position) : NaN;
      if (!Number.isInteger(n) || n < 0)
        throw badValue(`bit positions must be >= 0 but got: ${String(position)}`);
      return n;
    });
  }
  if (operand instanceof Binary) {
    const bytes = operand.buffer.subarray(0, operand.position);
    const positions: number[] = [];
    bytes.forEach((byte, index) => {
      for (let bit = 0; bit < 8; bit++) if ((byte >> bit) & 1) positions.push(index * 8 + bit);
    });
    return positions;
  }
  const mask = isNumeric(operand) ? numberOf(operand) : NaN;
  if (!Number.isInteger(mask) || mask < 0)
    throw badValue(
      `${operator} takes an Array, a number, or a BinData but received: ${String(operand)}`,
    );
  const positions: number[] = [];
  for (let bit = 0; bit < 64 && 2 ** bit <= mask; bit++)
    if (BigInt(mask) & (1n << BigInt(bit))) positions.push(bit);
  return positions;
}
