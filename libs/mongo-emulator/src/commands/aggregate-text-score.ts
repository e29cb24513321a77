import { MongoCommandError } from '../errors';
import { isPlainObject, numberOf, setOwnField, type Doc, type Value } from '../query/values';
import { holdsText } from '../text/text-filter';

/**
 * A text search's score travels through the aggregation engine as a field no stored document
 * can have (BSON forbids NUL in field names); `{$meta: 'textScore'}` reads it. MongoDB keeps
 * the score as metadata beside the document instead; stages that make new documents (`$group`,
 * `$replaceRoot`) lose it in both.
 */
const SCORE_FIELD = '\u0000textScore';

function isTextScoreMeta(value: Value): boolean {
  return isPlainObject(value) && Object.keys(value).length === 1 && value.$meta === 'textScore';
}

/** Whether stages ask for `{$meta: 'textScore'}` anywhere. */
export function usesTextScore(value: Value): boolean {
  if (isTextScoreMeta(value)) return true;
  if (Array.isArray(value)) return value.some(usesTextScore);
  return isPlainObject(value) && Object.values(value).some(usesTextScore);
}

/** MongoDB allows `$text` only in the pipeline's first stage, a `$match`. */
export function checkTextStages(stages: Doc[]): void {
  stages.slice(1).forEach((stage) => {
    if (isPlainObject(stage.$match) && holdsText(stage.$match))
      throw new MongoCommandError(
        'TextNotFirstStage',
        '$match with $text is only allowed as the first pipeline stage',
      );
  });
}

function isExclusion(projection: Doc): boolean {
  return Object.entries(projection).every(
    ([field, value]) =>
      field === '_id' ||
      value === false ||
      (typeof value !== 'object' && typeof value !== 'string' && numberOf(value) === 0),
  );
}

function rewrite(value: Value): Value {
  if (isTextScoreMeta(value)) return `$${SCORE_FIELD}`;
  if (Array.isArray(value)) return value.map(rewrite);
  if (!isPlainObject(value)) return value;
  const out: Doc = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === '$sort' && isPlainObject(inner))
      out.$sort = Object.fromEntries(
        Object.entries(inner).map(([path, order]) =>
          isTextScoreMeta(order) ? [SCORE_FIELD, -1] : [path, order],
        ),
      );
    else if (key === '$project' && isPlainObject(inner) && !isExclusion(inner))
      out.$project = { ...(rewrite(inner) as Doc), [SCORE_FIELD]: 1 };
    else setOwnField(out, key, rewrite(inner));
  }
  return out;
}

/** The stages reading the carried score where they ask for `{$meta: 'textScore'}`. */
export function readingTextScores(stages: Doc[]): Doc[] {
  return stages.map((stage) => rewrite(stage) as Doc);
}

/** A document (view) carrying its score into the stages. */
export function carryingTextScore(doc: Doc, score: number | undefined): Doc {
  return { ...doc, [SCORE_FIELD]: score };
}

/** The results without the carried score (also where a stage embedded a whole document). */
export function withoutTextScores<T extends Value>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutTextScores) as T;
  if (!isPlainObject(value)) return value;
  const out: Doc = {};
  for (const [key, inner] of Object.entries(value))
    if (key !== SCORE_FIELD) setOwnField(out, key, withoutTextScores(inner));
  return out as T;
}
