import { Timestamp } from 'bson';
import { MongoCommandError } from '../errors';
import { isPlainObject, type Doc, type Value } from '../query/values';
import { bsonTypeName } from '../query/type-names';
import { decodeToken, type StreamPosition } from './resume-token';

export type FullDocumentMode = 'default' | 'updateLookup' | 'whenAvailable' | 'required';
export type BeforeChangeMode = 'off' | 'whenAvailable' | 'required';

/** The options of a `$changeStream` stage. */
export interface ChangeStreamSpec {
  fullDocument: FullDocumentMode;
  fullDocumentBeforeChange: BeforeChangeMode;
  allChangesForCluster: boolean;
  resumeAfter?: StreamPosition;
  startAfter?: StreamPosition;
  startAtOperationTime?: Timestamp;
}

const FULL_DOCUMENT_MODES = ['default', 'updateLookup', 'whenAvailable', 'required'];
const BEFORE_CHANGE_MODES = ['off', 'whenAvailable', 'required'];

/** 7.0's flags the emulator does not implement: accepted when false, refused when true. */
const UNSUPPORTED_FLAGS = [
  'showExpandedEvents',
  'showRawUpdateDescription',
  'showSystemEvents',
  'showMigrationEvents',
  'allowToRunOnConfigDB',
  'allowToRunOnSystemNS',
];

const KNOWN_FIELDS = new Set([
  'resumeAfter',
  'startAfter',
  'startAtOperationTime',
  'fullDocument',
  'fullDocumentBeforeChange',
  'allChangesForCluster',
  ...UNSUPPORTED_FLAGS,
]);

function wrongType(field: string, value: Value, expected: string): MongoCommandError {
  return new MongoCommandError(
    'TypeMismatch',
    `BSON field '$changeStream.${field}' is the wrong type '${bsonTypeName(value)}', expected type '${expected}'`,
  );
}

function mode<T extends string>(spec: Doc, field: string, allowed: string[], fallback: T): T {
  const value = spec[field];
  if (value === undefined) return fallback;
  if (typeof value !== 'string') throw wrongType(field, value, 'string');
  if (!allowed.includes(value))
    throw new MongoCommandError(
      'BadValue',
      `Enumeration value '${value}' for field '$changeStream.${field}' is not a valid value.`,
    );
  return value as T;
}

function flag(spec: Doc, field: string): boolean {
  const value = spec[field];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw wrongType(field, value, 'bool');
  return value;
}

/** Parses and checks a `$changeStream` stage's options as 7.0 does. */
export function parseChangeStreamSpec(value: Value): ChangeStreamSpec {
  if (!isPlainObject(value))
    throw new MongoCommandError(
      'ChangeStreamSpecNotObject',
      '$changeStream stage expects a document as argument',
    );
  for (const field of Object.keys(value))
    if (!KNOWN_FIELDS.has(field))
      throw new MongoCommandError(
        'UnknownField',
        `BSON field '$changeStream.${field}' is an unknown field.`,
      );
  for (const field of UNSUPPORTED_FLAGS)
    if (flag(value, field))
      throw new MongoCommandError(
        'NotImplemented',
        `$changeStream option '${field}' is not supported by this MongoDB emulator`,
      );
  const spec: ChangeStreamSpec = {
    fullDocument: mode(value, 'fullDocument', FULL_DOCUMENT_MODES, 'default'),
    fullDocumentBeforeChange: mode(value, 'fullDocumentBeforeChange', BEFORE_CHANGE_MODES, 'off'),
    allChangesForCluster: flag(value, 'allChangesForCluster'),
  };
  if (value.resumeAfter !== undefined && value.startAfter !== undefined)
    throw new MongoCommandError(
      'ResumeAfterWithStartAfter',
      "Do not specify both 'resumeAfter' and 'startAfter' in a $changeStream stage",
    );
  for (const field of ['resumeAfter', 'startAfter'] as const) {
    if (value[field] === undefined) continue;
    if (!isPlainObject(value[field])) throw wrongType(field, value[field], 'object');
    spec[field] = decodeToken(value[field], field);
  }
  const startAt = value.startAtOperationTime;
  if (startAt !== undefined) {
    if (!(startAt instanceof Timestamp))
      throw wrongType('startAtOperationTime', startAt, 'timestamp');
    if (spec.resumeAfter || spec.startAfter)
      throw new MongoCommandError(
        'ResumeOptionsConflict',
        'Only one type of resume option is allowed, but multiple were found',
      );
    spec.startAtOperationTime = startAt;
  }
  if (spec.resumeAfter?.invalidate)
    throw new MongoCommandError(
      'InvalidResumeToken',
      "Attempting to resume a change stream using 'resumeAfter' is not allowed from an invalidate notification",
    );
  return spec;
}
