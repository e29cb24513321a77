import { Long, type Document } from 'bson';
import type { Doc } from '../query/values';

/** Fields every command may carry that are not command options (7.0's generic arguments). */
export const GENERIC_FIELDS = new Set([
  'lsid',
  'txnNumber',
  'txnRetryCounter',
  'autocommit',
  'startTransaction',
  'stmtId',
  '$db',
  '$clusterTime',
  '$readPreference',
  '$audit',
  '$client',
  '$configServerState',
  '$configTime',
  '$topologyTime',
  '$oplogQueryData',
  '$queryOptions',
  '$replData',
  'writeConcern',
  'readConcern',
  'comment',
  'apiVersion',
  'apiStrict',
  'apiDeprecationErrors',
  'maxTimeMS',
  'maxTimeMSOpOnly',
  'usesDefaultMaxTimeMS',
  'clientOperationKey',
  'allowImplicitCollectionCreation',
  'databaseVersion',
  'shardVersion',
  'mayBypassWriteBlocking',
  'help',
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
