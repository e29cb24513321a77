import { MongoCommandError } from '../errors';
import { runPipeline } from './aggregation/engine';
import { isPlainObject, type Doc } from './values';

/** Evaluates a command's `let` document (each value is an aggregation expression) once. */
export function evaluateLet(letSpec: unknown): Doc | undefined {
  if (letSpec === undefined) return undefined;
  if (!isPlainObject(letSpec))
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'let' is the wrong type, expected type 'object'",
    );
  if (Object.keys(letSpec).length === 0) return undefined;
  const [evaluated] = runPipeline([{ $replaceWith: { $literal: {} } }, { $set: letSpec }], [{}]);
  return evaluated;
}
