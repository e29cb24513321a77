import { MongoCommandError } from '../errors';
import { isNumeric, isPlainObject, numberOf, type Doc } from '../query/values';
import type { IndexSpec } from '../storage/index';
import { textLanguage } from './languages';

/** How every text index's key is stored and listed, whatever fields it covers. */
export const TEXT_INDEX_KEY: Readonly<Doc> = Object.freeze({ _fts: 'text', _ftsx: 1 });
export const WILDCARD = '$**';
const TEXT_INDEX_VERSION = 3;
/** Weights must lie in (0, 100000), MongoDB's bound for one word's weight. */
const MAX_WORD_WEIGHT = 100_000;
const DEFAULTS = { default_language: 'english', language_override: 'language' } as const;

/** Whether an index key pattern is a text index's (`{field: 'text'}` or the stored `_fts`). */
export function isTextIndexKey(key: Doc): boolean {
  return Object.entries(key).some(([field, kind]) => kind === 'text' || field === '_fts');
}

function refuse(message: string): MongoCommandError {
  return new MongoCommandError('CannotCreateIndex', message);
}

/** The text fields of the key pattern, each with weight 1 (none for an already stored key). */
function keyWeights(key: Doc): Map<string, number> {
  const weights = new Map<string, number>();
  for (const [field, kind] of Object.entries(key)) {
    if (field === '_fts') {
      if (kind !== 'text') throw refuse('expecting _fts:"text"');
    } else if (field === '_ftsx') {
      if (!isNumeric(kind) || numberOf(kind) !== 1) throw refuse('expecting _ftsx:1');
    } else if (kind === 'text') {
      weights.set(field, 1);
    } else if (typeof kind === 'string') {
      throw refuse("Can't use more than one index plugin for a single index.");
    } else if (!isNumeric(kind) || Math.abs(numberOf(kind)) !== 1) {
      throw refuse('expected value 1 or -1 for non-text key in compound index');
    } else {
      throw new MongoCommandError(
        'NotImplemented',
        'compound text indexes with non-text fields are not supported by this MongoDB emulator',
      );
    }
  }
  return weights;
}

function checkWeightPath(path: string): void {
  if (path === WILDCARD) return;
  if (path === '') throw refuse('weight cannot be on an empty field');
  for (const part of path.split('.')) {
    if (part === '') throw refuse('weight cannot have empty path component');
    if (part.startsWith('$')) throw refuse('weight cannot have path component with $ prefix');
  }
}

/** The index's weights: its text fields at 1, overridden by `weights`, by field name. */
function weightsOf(key: Doc, given: unknown): Doc {
  const weights = keyWeights(key);
  if (isPlainObject(given)) {
    for (const [path, weight] of Object.entries(given)) {
      if (!isNumeric(weight)) throw refuse('weight for text index needs numeric type');
      weights.set(path, Math.trunc(numberOf(weight)));
    }
  } else if (given === WILDCARD) weights.set(WILDCARD, 1);
  else if (given !== undefined) throw refuse("text index option 'weights' must be an object");
  if (weights.size === 0)
    throw refuse("text index option 'weights' must specify fields or the wildcard");
  const sorted = [...weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [path, weight] of sorted) {
    if (weight <= 0 || weight >= MAX_WORD_WEIGHT)
      throw refuse(
        `text index weight must be in the exclusive interval (0,${MAX_WORD_WEIGHT}) but found: ${weight}`,
      );
    checkWeightPath(path);
  }
  return Object.fromEntries(sorted);
}

function languageOption(given: unknown): string {
  if (given === undefined) return DEFAULTS.default_language;
  if (typeof given !== 'string') throw refuse('default_language needs a string type');
  if (!textLanguage(given)) throw refuse('default_language is not valid');
  return given;
}

function overrideOption(given: unknown): string {
  if (given === undefined) return DEFAULTS.language_override;
  if (typeof given !== 'string') throw refuse('language_override must be a string');
  if (given === '' || given.startsWith('$') || given.includes('.'))
    throw refuse('language_override is not valid');
  return given;
}

function checkVersion(given: unknown): void {
  if (given === undefined) return;
  if (!isNumeric(given)) throw refuse("text index option 'textIndexVersion' must be a number");
  const version = Math.trunc(numberOf(given));
  if (version === 2)
    throw new MongoCommandError(
      'NotImplemented',
      'text index version 2 is not supported by this MongoDB emulator (version 3 is)',
    );
  if (version !== TEXT_INDEX_VERSION) throw refuse(`bad textIndexVersion: ${version}`);
}

/**
 * A text index specification as MongoDB stores and lists it: the key becomes
 * `{_fts: 'text', _ftsx: 1}`, the text fields move into `weights` (sorted by field, weights
 * truncated to integers), `default_language` and `language_override` are filled in, and
 * `textIndexVersion: 3` ends it. Options keep their places; the ones added follow them.
 */
export function normalizeTextIndexSpec(spec: IndexSpec): IndexSpec {
  if (spec.collation !== undefined)
    throw refuse(`Index type 'text' does not support collation: ${JSON.stringify(spec.collation)}`);
  const fixed: Record<string, unknown> = {
    weights: weightsOf(spec.key, spec.weights),
    default_language: languageOption(spec.default_language),
    language_override: overrideOption(spec.language_override),
  };
  checkVersion(spec.textIndexVersion);
  const normalized = { ...spec, key: { ...TEXT_INDEX_KEY } } as IndexSpec;
  delete normalized.textIndexVersion;
  for (const [option, value] of Object.entries(fixed)) normalized[option] = value;
  normalized.textIndexVersion = TEXT_INDEX_VERSION;
  return normalized;
}
