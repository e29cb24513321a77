import { EJSON } from 'bson';
import {
  compareNumbers,
  describe,
  isDocument,
  isNumeric,
  scalarsEqual,
  typeNamesOf,
} from './bson-values';

/** What the special operators `$$sessionLsid` and `$$matchesEntity` look up. */
export interface MatchEntities {
  sessionLsid(name: string): unknown;
  entityValue(name: string): unknown;
}

export interface MatchOptions {
  /**
   * The actual value is a root-level document (extra fields allowed), or, when the expected
   * value is an array, an iterated result whose document elements are each root-level.
   */
  root?: boolean;
  entities?: MatchEntities;
}

export class MatchError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'MatchError';
  }
}

interface Walk {
  entities?: MatchEntities;
  /** When false, `$$` keys are compared literally and every level forbids extra fields. */
  operators: boolean;
}

/** Asserts `actual` matches `expected` under the unified test format's rules. */
export function assertMatches(
  expected: unknown,
  actual: unknown,
  options: MatchOptions = {},
): void {
  const walk: Walk = { entities: options.entities, operators: true };
  if (Array.isArray(expected) && options.root) {
    matchArray(expected, actual, '$', walk, true);
    return;
  }
  matchValue(expected, actual, !!options.root, '$', walk);
}

/** Asserts exact equality (collection contents): no operators, no extra fields, any key order. */
export function assertSameData(expected: unknown, actual: unknown): void {
  matchValue(expected, actual, false, '$', { operators: false });
}

export function matches(expected: unknown, actual: unknown, options: MatchOptions = {}): boolean {
  try {
    assertMatches(expected, actual, options);
    return true;
  } catch (error) {
    if (error instanceof MatchError) return false;
    throw error;
  }
}

export function specialOperatorOf(value: unknown): string | undefined {
  if (!isDocument(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0].startsWith('$$') ? keys[0] : undefined;
}

function isPresent(document: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(document, key) && document[key] !== undefined;
}

function matchValue(expected: unknown, actual: unknown, root: boolean, path: string, walk: Walk) {
  const operator = walk.operators ? specialOperatorOf(expected) : undefined;
  if (operator) {
    matchOperator(
      operator,
      (expected as Record<string, unknown>)[operator],
      actual,
      root,
      path,
      walk,
    );
    return;
  }
  if (isDocument(expected)) {
    matchDocument(expected, actual, root && walk.operators, path, walk);
    return;
  }
  if (Array.isArray(expected)) {
    matchArray(expected, actual, path, walk, false);
    return;
  }
  if (actual === undefined)
    throw new MatchError(path, `expected ${describe(expected)} but it is absent`);
  if (!scalarsEqual(expected, actual)) {
    throw new MatchError(
      path,
      `expected ${typeNamesOf(expected)[0]} ${describe(expected)} but got ${typeNamesOf(actual)[0] ?? 'nothing'} ${describe(actual)}`,
    );
  }
}

function matchDocument(
  expected: Record<string, unknown>,
  actualValue: unknown,
  root: boolean,
  path: string,
  walk: Walk,
) {
  const actual = actualValue instanceof Map ? Object.fromEntries(actualValue) : actualValue;
  if (!isDocument(actual)) {
    throw new MatchError(path, `expected a document but got ${describe(actual)}`);
  }
  for (const [key, expectedValue] of Object.entries(expected)) {
    const keyPath = `${path}.${key}`;
    const present = isPresent(actual, key);
    const operator = walk.operators ? specialOperatorOf(expectedValue) : undefined;
    const operand = operator ? (expectedValue as Record<string, unknown>)[operator] : undefined;
    if (operator === '$$exists') {
      if (operand !== present) {
        throw new MatchError(
          keyPath,
          operand
            ? 'expected the field to exist'
            : `expected no field but got ${describe(actual[key])}`,
        );
      }
      continue;
    }
    if (operator === '$$unsetOrMatches' && !present) continue;
    if (!present) throw new MatchError(keyPath, `missing; expected ${describe(expectedValue)}`);
    matchValue(expectedValue, actual[key], false, keyPath, walk);
  }
  if (root) return;
  const extraKeys = Object.keys(actual).filter(
    (key) => isPresent(actual, key) && !Object.prototype.hasOwnProperty.call(expected, key),
  );
  if (extraKeys.length > 0) {
    throw new MatchError(
      path,
      `unexpected field(s) ${extraKeys.join(', ')} in ${describe(actual)}`,
    );
  }
}

function matchArray(
  expected: unknown[],
  actual: unknown,
  path: string,
  walk: Walk,
  rootElements: boolean,
) {
  if (!Array.isArray(actual))
    throw new MatchError(path, `expected an array but got ${describe(actual)}`);
  if (actual.length !== expected.length) {
    throw new MatchError(
      path,
      `expected ${expected.length} element(s) but got ${actual.length}: ${describe(actual)}`,
    );
  }
  expected.forEach((element, index) =>
    matchValue(element, actual[index], rootElements, `${path}[${index}]`, walk),
  );
}

function requireEntities(walk: Walk, operator: string, path: string): MatchEntities {
  if (!walk.entities) throw new MatchError(path, `${operator} needs the entity map`);
  return walk.entities;
}

function matchOperator(
  operator: string,
  operand: unknown,
  actual: unknown,
  root: boolean,
  path: string,
  walk: Walk,
) {
  switch (operator) {
    case '$$exists':
      if ((actual !== undefined) !== operand) {
        throw new MatchError(
          path,
          operand ? 'expected a value' : `expected nothing but got ${describe(actual)}`,
        );
      }
      return;
    case '$$unsetOrMatches':
      if (actual !== undefined) matchValue(operand, actual, root, path, walk);
      return;
    case '$$type':
      return matchType(operand, actual, path);
    case '$$matchesEntity':
      return matchValue(
        requireEntities(walk, operator, path).entityValue(String(operand)),
        actual,
        root,
        path,
        walk,
      );
    case '$$sessionLsid': {
      const lsid = requireEntities(walk, operator, path).sessionLsid(String(operand));
      return matchValue(lsid, actual, false, path, { operators: false });
    }
    case '$$lte':
      if (!isNumeric(actual) || compareNumbers(actual, operand) > 0) {
        throw new MatchError(
          path,
          `expected a number <= ${describe(operand)} but got ${describe(actual)}`,
        );
      }
      return;
    case '$$matchAsDocument':
      if (typeof actual !== 'string') {
        throw new MatchError(path, `expected an Extended JSON string but got ${describe(actual)}`);
      }
      return matchValue(operand, EJSON.parse(actual, { relaxed: false }), false, path, walk);
    case '$$matchAsRoot':
      return matchValue(operand, actual, true, path, walk);
    case '$$matchesHexBytes':
      return matchHexBytes(String(operand), actual, path);
    default:
      throw new MatchError(path, `unsupported special operator ${operator}`);
  }
}

function matchType(operand: unknown, actual: unknown, path: string) {
  const expectedTypes = (Array.isArray(operand) ? operand : [operand]).map(String);
  const actualTypes = typeNamesOf(actual);
  if (!expectedTypes.some((type) => actualTypes.includes(type))) {
    throw new MatchError(
      path,
      `expected type ${expectedTypes.join(' or ')} but got ${actualTypes[0] ?? 'nothing'} ${describe(actual)}`,
    );
  }
}

function matchHexBytes(hex: string, actual: unknown, path: string) {
  if (!/^([0-9a-f]{2})*$/i.test(hex))
    throw new MatchError(path, `malformed $$matchesHexBytes ${hex}`);
  const actualHex =
    typeof actual === 'string'
      ? Buffer.from(actual, 'latin1').toString('hex')
      : ArrayBuffer.isView(actual)
        ? Buffer.from(actual.buffer, actual.byteOffset, actual.byteLength).toString('hex')
        : undefined;
  if (actualHex?.toLowerCase() !== hex.toLowerCase()) {
    throw new MatchError(path, `expected bytes ${hex} but got ${describe(actual)}`);
  }
}
