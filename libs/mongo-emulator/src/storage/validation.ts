import { MongoCommandError } from '../errors';
import { compileFilter } from '../query/matcher';
import type { Doc } from '../query/values';
import type { CollectionOptions } from './collection';

/**
 * Applies a collection's validator to a document about to be written. `previous` is the
 * document before an update: with validationLevel "moderate" an update of an already invalid
 * document is allowed.
 */
export function validateDocument(
  options: CollectionOptions | undefined,
  doc: Doc,
  previous?: Doc,
  bypass = false,
): void {
  const validator = options?.validator;
  if (!validator || bypass || Object.keys(validator).length === 0) return;
  if (options.validationLevel === 'off') return;
  const matcher = compileFilter(validator);
  if (matcher.test(doc)) return;
  if (previous && options.validationLevel === 'moderate' && !matcher.test(previous)) return;
  if (options.validationAction === 'warn') return;
  const operatorName = '$jsonSchema' in validator ? '$jsonSchema' : Object.keys(validator)[0];
  throw new MongoCommandError('DocumentValidationFailure', 'Document failed validation', {
    errInfo: {
      failingDocumentId: doc._id,
      details: { operatorName, specifiedAs: validator, reason: 'did not match' },
    },
  });
}
