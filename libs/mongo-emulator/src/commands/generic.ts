import { Long, type Document } from 'bson';
import type { Doc } from '../query/values';

/** Fields every command may carry that are not command options. */
export const GENERIC_FIELDS = new Set([
  'lsid',
  'txnNumber',
  '$db',
  '$clusterTime',
  '$readPreference',
  'writeConcern',
  'readConcern',
  'comment',
  'autocommit',
  'startTransaction',
  'apiVersion',
  'apiStrict',
  'apiDeprecationErrors',
  'maxTimeMS',
  '$audit',
  'signature',
  'bypassDocumentValidation',
]);

export function commandOptions(command: Document, name: string): Doc {
  const options: Doc = {};
  for (const [key, value] of Object.entries(command))
    if (key !== name && !GENERIC_FIELDS.has(key)) options[key] = value;
  return options;
}

export function cursorReply(
  namespace: string,
  firstBatch: Doc[],
  id: Long = Long.fromNumber(0),
): Document {
  return { cursor: { firstBatch, id, ns: namespace }, ok: 1 };
}
