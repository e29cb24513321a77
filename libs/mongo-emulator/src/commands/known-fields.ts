import type { Document } from 'bson';
import { MongoCommandError } from '../errors';
import { isPlainObject, type Doc } from '../query/values';
import { GENERIC_FIELDS } from './generic';

/**
 * The fields MongoDB 7.0 knows for each command it parses strictly (its IDL), beside the
 * generic ones every command takes. Anything else is refused as 7.0 refuses it (40415), so code
 * that relies on an option of a later version (a `sort` on an update statement, for one) fails
 * here as it would on 7.0.
 */
const WRITE_COMMAND = [
  'ordered',
  'bypassDocumentValidation',
  'stmtId',
  'stmtIds',
  'collectionUUID',
];

const COMMAND_FIELDS: Record<string, string[]> = {
  find: [
    'filter',
    'projection',
    'sort',
    'hint',
    'skip',
    'limit',
    'batchSize',
    'singleBatch',
    'max',
    'min',
    'returnKey',
    'showRecordId',
    'tailable',
    'oplogReplay',
    'noCursorTimeout',
    'awaitData',
    'allowPartialResults',
    'collation',
    'allowDiskUse',
    'let',
    'readOnce',
    'term',
  ],
  getMore: ['collection', 'batchSize', 'term', 'lastKnownCommittedOpTime'],
  killCursors: ['cursors'],
  count: ['query', 'limit', 'skip', 'hint', 'collation', 'fields'],
  distinct: ['key', 'query', 'collation'],
  insert: ['documents', ...WRITE_COMMAND],
  update: ['updates', 'let', ...WRITE_COMMAND],
  delete: ['deletes', 'let', ...WRITE_COMMAND],
  findAndModify: [
    'query',
    'fields',
    'sort',
    'remove',
    'update',
    'new',
    'upsert',
    'bypassDocumentValidation',
    'collation',
    'arrayFilters',
    'hint',
    'let',
    'stmtId',
  ],
  aggregate: [
    'pipeline',
    'explain',
    'allowDiskUse',
    'cursor',
    'bypassDocumentValidation',
    'collation',
    'hint',
    'let',
    'collectionUUID',
  ],
  create: [
    'capped',
    'autoIndexId',
    'idIndex',
    'size',
    'max',
    'storageEngine',
    'validator',
    'validationLevel',
    'validationAction',
    'indexOptionDefaults',
    'viewOn',
    'pipeline',
    'collation',
    'timeseries',
    'clusteredIndex',
    'changeStreamPreAndPostImages',
    'expireAfterSeconds',
    'encryptedFields',
    'temp',
    'flags',
  ],
  createIndexes: ['indexes', 'commitQuorum', 'ignoreUnknownIndexOptions', 'collectionUUID'],
};
COMMAND_FIELDS.findandmodify = COMMAND_FIELDS.findAndModify;

/** The fields of one statement of `update.updates` and `delete.deletes`. */
const STATEMENT_FIELDS: Record<string, readonly string[]> = {
  'update.updates': [
    'q',
    'u',
    'c',
    'arrayFilters',
    'multi',
    'upsert',
    'upsertSupplied',
    'collation',
    'hint',
    'sampleId',
  ],
  'delete.deletes': ['q', 'limit', 'collation', 'hint', 'sampleId'],
};

function unknownField(path: string): MongoCommandError {
  return new MongoCommandError('UnknownField', `BSON field '${path}' is an unknown field.`);
}

/** Refuses a command that carries a field its 7.0 definition does not have. */
export function assertKnownCommandFields(name: string, command: Document): void {
  const known = COMMAND_FIELDS[name];
  if (!known) return;
  for (const field of Object.keys(command)) {
    if (field === name || GENERIC_FIELDS.has(field) || known.includes(field)) continue;
    throw unknownField(`${name === 'findandmodify' ? 'findAndModify' : name}.${field}`);
  }
}

/** Refuses a write statement with a field its 7.0 definition does not have. */
export function assertKnownStatementFields(
  kind: keyof typeof STATEMENT_FIELDS,
  statement: Doc,
): void {
  if (!isPlainObject(statement)) return;
  for (const field of Object.keys(statement))
    if (!STATEMENT_FIELDS[kind].includes(field)) throw unknownField(`${kind}.${field}`);
}
