import { Aggregator } from 'mingo';
import { MongoCommandError } from '../errors';
import { translateMingoError } from './matcher';
import { isPlainObject, normalizeIncoming, toView, type Doc } from './values';

/** Evaluates a command's `let` document (each value is an aggregation expression) once. */
export function evaluateLet(letSpec: unknown): Doc | undefined {
  if (letSpec === undefined) return undefined;
  if (!isPlainObject(letSpec))
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'let' is the wrong type, expected type 'object'",
    );
  if (Object.keys(letSpec).length === 0) return undefined;
  try {
    const [evaluated] = new Aggregator(
      [{ $replaceWith: { $literal: {} } }, { $set: toView(letSpec) as Doc }],
      {},
    ).run([{}]);
    return normalizeIncoming(evaluated) as Doc;
  } catch (error) {
    throw translateMingoError(error);
  }
}
