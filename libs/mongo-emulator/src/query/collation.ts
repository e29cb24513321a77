import { MongoCommandError, type ErrorCodeName, type LocationCodeName } from '../errors';
import { formatValue, isPlainObject, numberOf, setOwnField, type Doc, type Value } from './values';

/**
 * Collation (locale-aware string comparison), after ICU as MongoDB uses it. Ordering comes from
 * `Intl.Collator` (ICU as well); equality and hashing use a collation key, a string that two
 * values share exactly when they compare equal, so that indexes, `distinct` and `$group` can
 * keep hash maps. The key is built from Unicode normalisation (accents dropped at strength 1,
 * case folded below strength 3 unless `caseLevel`, digit runs read as numbers with
 * `numericOrdering`, punctuation and spaces dropped with `alternate: "shifted"`); it equals
 * ICU's verdict for Latin, Greek and Cyrillic text, not for every locale's special rules.
 * A collation key keeps equality, not order: an ordered structure must compare with
 * {@link compareStrings}.
 */
export interface Collation {
  readonly locale: string;
  readonly caseLevel: boolean;
  readonly caseFirst: 'upper' | 'lower' | 'off';
  readonly strength: number;
  readonly numericOrdering: boolean;
  readonly alternate: 'non-ignorable' | 'shifted';
  readonly maxVariable: 'punct' | 'space';
  readonly normalization: boolean;
  readonly backwards: boolean;
}

/** ICU's version as MongoDB 7.0 reports it in collation specs. */
const ICU_VERSION = '57.1';

const CHOICES: Record<string, readonly string[]> = {
  caseFirst: ['upper', 'lower', 'off'],
  alternate: ['non-ignorable', 'shifted'],
  maxVariable: ['punct', 'space'],
};
const BOOLEANS = ['caseLevel', 'numericOrdering', 'normalization', 'backwards'];

function fieldError(code: ErrorCodeName | LocationCodeName, message: string): MongoCommandError {
  return new MongoCommandError(code, message);
}

function isSupportedLocale(locale: string): boolean {
  try {
    return Intl.Collator.supportedLocalesOf(locale.replace(/_/g, '-')).length > 0;
  } catch {
    return false;
  }
}

function checkField(spec: Doc, field: string, value: Value): void {
  if (field === 'locale' || field === 'version' || field in CHOICES) {
    if (typeof value !== 'string')
      throw fieldError(
        'TypeMismatch',
        `BSON field 'collation.${field}' is the wrong type, expected type 'string'`,
      );
    if (field in CHOICES && !CHOICES[field].includes(value))
      throw fieldError('BadValue', `Field '${field}' must be one of ${CHOICES[field].join(', ')}`);
    if (field === 'locale' && value !== 'simple' && !isSupportedLocale(value))
      throw fieldError('BadValue', `Field 'locale' is invalid in: ${formatValue(spec)}`);
    return;
  }
  if (BOOLEANS.includes(field)) {
    if (typeof value !== 'boolean')
      throw fieldError(
        'TypeMismatch',
        `BSON field 'collation.${field}' is the wrong type, expected type 'bool'`,
      );
    return;
  }
  if (field === 'strength') {
    const strength = numberOf(value);
    if (!Number.isInteger(strength))
      throw fieldError(
        'TypeMismatch',
        "BSON field 'collation.strength' is the wrong type, expected type 'int'",
      );
    if (strength < 1 || strength > 5)
      throw fieldError(
        'NegativeValue',
        `BSON field 'strength' value must be ${strength < 1 ? '>= 1' : '<= 5'}, actual value '${strength}'`,
      );
    return;
  }
  throw fieldError('UnknownField', `BSON field 'collation.${field}' is an unknown field.`);
}

/** Parses a command's or index's `collation`; undefined for none or `{locale: "simple"}`. */
export function parseCollation(spec: unknown): Collation | undefined {
  if (spec === undefined || spec === null) return undefined;
  if (!isPlainObject(spec))
    throw fieldError(
      'TypeMismatch',
      "BSON field 'collation' is the wrong type, expected type 'object'",
    );
  for (const [field, value] of Object.entries(spec)) checkField(spec, field, value);
  if (spec.locale === undefined)
    throw fieldError(
      'MissingField',
      "BSON field 'collation.locale' is missing but a required field",
    );
  if (spec.locale === 'simple') {
    if (Object.keys(spec).some((field) => field !== 'locale' && field !== 'version'))
      throw fieldError('BadValue', 'Collation with locale "simple" cannot have other fields');
    return undefined;
  }
  return {
    locale: spec.locale as string,
    caseLevel: spec.caseLevel === true,
    caseFirst: (spec.caseFirst as Collation['caseFirst']) ?? 'off',
    strength: spec.strength === undefined ? 3 : numberOf(spec.strength),
    numericOrdering: spec.numericOrdering === true,
    alternate: (spec.alternate as Collation['alternate']) ?? 'non-ignorable',
    maxVariable: (spec.maxVariable as Collation['maxVariable']) ?? 'punct',
    normalization: spec.normalization === true,
    backwards: spec.backwards === true,
  };
}

/** The full specification MongoDB reports for a collation (in listIndexes, listCollections). */
export function collationDocument(collation: Collation): Doc {
  return { ...collation, version: ICU_VERSION };
}

export function sameCollation(a: Collation | undefined, b: Collation | undefined): boolean {
  if (!a || !b) return a === b;
  return (Object.keys(a) as Array<keyof Collation>).every((field) => a[field] === b[field]);
}

interface Compiled {
  collator: Intl.Collator;
  key: (text: string) => string;
}

const compiledCache = new Map<string, Compiled>();
/** The same, by collation object: indexes and queries keep theirs, so most look-ups stop here. */
const compiledByCollation = new WeakMap<Collation, Compiled>();
/** How many strings' keys one compiled collation remembers (indexes compare the same ones). */
const KEY_CACHE_LIMIT = 10_000;

/** Letters ICU sorts as two letters at primary strength. */
const EXPANSIONS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
};

function compile(collation: Collation): Compiled {
  const own = compiledByCollation.get(collation);
  if (own) return own;
  const cacheKey = JSON.stringify(collation);
  const cached = compiledCache.get(cacheKey);
  if (cached) {
    compiledByCollation.set(collation, cached);
    return cached;
  }
  const { strength, caseLevel } = collation;
  const sensitivity =
    strength >= 3 || (strength === 2 && caseLevel)
      ? 'variant'
      : strength === 2
        ? 'accent'
        : caseLevel
          ? 'case'
          : 'base';
  const locale = collation.locale.replace(/_/g, '-');
  const shifted = collation.alternate === 'shifted';
  const collator = new Intl.Collator(locale, {
    sensitivity,
    numeric: collation.numericOrdering,
    caseFirst: collation.caseFirst === 'off' ? 'false' : collation.caseFirst,
    ignorePunctuation: shifted,
    usage: 'sort',
  });
  const ignorable = collation.maxVariable === 'space' ? /\s+/gu : /[\s\p{P}\p{S}]+/gu;
  const keys = new Map<string, string>();
  const key = (text: string): string => {
    let known = keys.get(text);
    if (known === undefined) {
      if (keys.size >= KEY_CACHE_LIMIT) keys.clear();
      keys.set(text, (known = foldedKey(text)));
    }
    return known;
  };
  const foldedKey = (text: string): string => {
    let folded = text.normalize(strength <= 2 ? 'NFKD' : 'NFD');
    if (shifted && strength <= 3) folded = folded.replace(ignorable, '');
    if (strength === 1)
      folded = folded.replace(/\p{M}+/gu, '').replace(/[ßæœÆŒẞ]/g, (letter) => EXPANSIONS[letter]);
    if (strength <= 2 && !caseLevel) folded = folded.toLocaleLowerCase(locale);
    if (collation.numericOrdering) folded = folded.replace(/\d+/g, (run) => String(BigInt(run)));
    return folded;
  };
  const compiled = { collator, key };
  compiledCache.set(cacheKey, compiled);
  compiledByCollation.set(collation, compiled);
  return compiled;
}

/** Compares two strings under a collation (code point order without one). */
export function compareStrings(a: string, b: string, collation?: Collation): number {
  if (!collation) return a < b ? -1 : a > b ? 1 : 0;
  const { collator, key } = compile(collation);
  const keyA = key(a);
  const keyB = key(b);
  if (keyA === keyB) return 0;
  return collator.compare(a, b) || (keyA < keyB ? -1 : 1);
}

/** Whether a collation can matter when comparing the value (it holds a string somewhere). */
export function holdsStrings(value: Value): boolean {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.some(holdsStrings);
  return isPlainObject(value) && Object.values(value).some(holdsStrings);
}

/**
 * A value's collation key: the value with every string in it (in arrays and embedded documents
 * too, never field names) replaced by its key. Two values compare equal under the collation
 * exactly when their keys are equal under simple comparison.
 */
export function collationKey(value: Value, collation?: Collation): Value {
  if (!collation) return value;
  if (typeof value === 'string') return compile(collation).key(value);
  if (Array.isArray(value)) return value.map((item) => collationKey(item, collation));
  if (isPlainObject(value)) {
    const out: Doc = {};
    for (const [field, item] of Object.entries(value))
      setOwnField(out, field, collationKey(item, collation));
    return out;
  }
  return value;
}
