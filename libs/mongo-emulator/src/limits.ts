import { calculateObjectSize } from 'bson';
import { MongoCommandError } from './errors';
import type { Doc } from './query/values';

/** The largest document a user may store (`maxBsonObjectSize`). */
export const MAX_DOCUMENT_SIZE = 16 * 1024 * 1024;

/** The largest BSON object a command may be: a document plus room for the command around it. */
export const MAX_COMMAND_SIZE = MAX_DOCUMENT_SIZE + 16 * 1024;

/** The largest wire message (`maxMessageSizeBytes`). */
export const MAX_MESSAGE_SIZE = 48_000_000;

/** Throws the error MongoDB gives when a document to store exceeds 16 MiB. */
export function assertDocumentSize(doc: Doc, writing: 'insert' | 'update' | 'upsert'): void {
  const size = calculateObjectSize(doc);
  if (size <= MAX_DOCUMENT_SIZE) return;
  if (writing === 'insert')
    throw new MongoCommandError(
      'BadValue',
      `object to insert too large. size in bytes: ${size}, max size: ${MAX_DOCUMENT_SIZE}`,
    );
  throw new MongoCommandError(
    'BSONObjectTooLarge',
    writing === 'update'
      ? `Resulting document after update is larger than ${MAX_DOCUMENT_SIZE}`
      : `Document to upsert is larger than ${MAX_DOCUMENT_SIZE}`,
  );
}
