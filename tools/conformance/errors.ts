import {
  MongoBulkWriteError,
  MongoClientBulkWriteError,
  MongoError,
  MongoOperationTimeoutError,
  MongoServerError,
} from 'mongodb';
import { describe } from './bson-values';
import { assertMatches, MatchEntities } from './matcher';
import { toResultDocument } from './results';
import { Document, ExpectedError } from './schema';

/** A failed assertion (as opposed to an unexpected error from the system under test). */
export class AssertionFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionFailure';
  }
}

/** Code names for errors whose reply carries only the number (bulk write errors). */
const CODE_NUMBERS: Record<string, number> = {
  BadValue: 2,
  FailedToParse: 9,
  TypeMismatch: 14,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  InvalidOptions: 72,
  WriteConflict: 112,
  DocumentValidationFailure: 121,
  NoSuchTransaction: 251,
  DuplicateKey: 11000,
  ImmutableField: 66,
  InvalidIdField: 53,
  Unauthorized: 13,
  Interrupted: 11601,
};

interface ServerErrorParts {
  message: string;
  code?: number;
  codeName?: string;
}

/** The error itself and, for bulk writes, every write and write concern error it aggregates. */
function errorParts(error: Error): ServerErrorParts[] {
  const parts: ServerErrorParts[] = [
    {
      message: error.message,
      code: (error as Document).code,
      codeName: (error as Document).codeName,
    },
  ];
  const aggregated = error as Document;
  const writeErrors: Document[] =
    aggregated.writeErrors instanceof Map
      ? [...aggregated.writeErrors.values()]
      : Array.isArray(aggregated.writeErrors)
        ? aggregated.writeErrors
        : [];
  const concernErrors: Document[] = [
    ...(aggregated.writeConcernError ? [aggregated.writeConcernError] : []),
    ...(Array.isArray(aggregated.writeConcernErrors) ? aggregated.writeConcernErrors : []),
  ];
  for (const item of [...writeErrors, ...concernErrors]) {
    parts.push({
      message: item.errmsg ?? item.message ?? '',
      code: item.code,
      codeName: item.codeName,
    });
  }
  return parts;
}

function fail(message: string): never {
  throw new AssertionFailure(message);
}

function checkServerFields(expected: ExpectedError, error: Error) {
  const parts = errorParts(error);
  if (expected.errorContains !== undefined) {
    const needle = expected.errorContains.toLowerCase();
    if (!parts.some((part) => part.message.toLowerCase().includes(needle))) {
      fail(`error message should contain "${expected.errorContains}" but was "${error.message}"`);
    }
  }
  if (expected.errorCode !== undefined && !parts.some((part) => part.code === expected.errorCode)) {
    fail(
      `error code should be ${expected.errorCode} but was ${describe(parts.map((part) => part.code))}`,
    );
  }
  if (expected.errorCodeName !== undefined) {
    const name = expected.errorCodeName.toLowerCase();
    const matched = parts.some((part) =>
      part.codeName !== undefined
        ? part.codeName.toLowerCase() === name
        : part.code !== undefined && part.code === CODE_NUMBERS[expected.errorCodeName as string],
    );
    if (!matched) {
      const actual = parts.map((part) => part.codeName ?? part.code);
      fail(`error codeName should be ${expected.errorCodeName} but was ${describe(actual)}`);
    }
  }
}

function checkLabels(expected: ExpectedError, error: Error) {
  const hasLabel = (label: string) => error instanceof MongoError && error.hasErrorLabel(label);
  const labels = error instanceof MongoError ? error.errorLabels : [];
  for (const label of expected.errorLabelsContain ?? []) {
    if (!hasLabel(label)) fail(`error should have label ${label}; labels: ${describe(labels)}`);
  }
  for (const label of expected.errorLabelsOmit ?? []) {
    if (hasLabel(label)) fail(`error should not have label ${label}; labels: ${describe(labels)}`);
  }
}

function partialResultOf(error: Error): unknown {
  if (error instanceof MongoBulkWriteError) return toResultDocument(error.result);
  if (error instanceof MongoClientBulkWriteError) return toResultDocument(error.partialResult);
  return undefined;
}

function checkClientBulkDetails(expected: ExpectedError, error: Error, entities: MatchEntities) {
  if (expected.writeErrors !== undefined) {
    const actual = error instanceof MongoClientBulkWriteError ? error.writeErrors : undefined;
    const asDocument = actual
      ? Object.fromEntries([...actual.entries()].map(([k, v]) => [String(k), v]))
      : {};
    const expectedKeys = Object.keys(expected.writeErrors).sort().join(',');
    if (expectedKeys !== Object.keys(asDocument).sort().join(',')) {
      fail(
        `write errors at indexes ${expectedKeys} expected, got ${Object.keys(asDocument).join(',')}`,
      );
    }
    for (const [index, writeError] of Object.entries(expected.writeErrors)) {
      assertMatches(writeError, asDocument[index], { root: true, entities });
    }
  }
  if (expected.writeConcernErrors !== undefined) {
    const actual = error instanceof MongoClientBulkWriteError ? error.writeConcernErrors : [];
    assertMatches(expected.writeConcernErrors, actual, { root: true, entities });
  }
}

/** Asserts every clause of an `expectError` against the error an operation raised. */
export function checkExpectedError(
  expected: ExpectedError,
  error: unknown,
  entities: MatchEntities,
): void {
  if (!(error instanceof Error)) fail(`expected an error but got ${describe(error)}`);
  const isServerError = error instanceof MongoServerError;
  if (expected.isClientError === true && isServerError) {
    fail(`expected a client error but got a server error: ${error.message}`);
  }
  if (expected.isClientError === false && !isServerError) {
    fail(`expected a server error but got a client error: ${error.name}: ${error.message}`);
  }
  if (expected.isTimeoutError !== undefined) {
    const isTimeout = error instanceof MongoOperationTimeoutError;
    if (isTimeout !== expected.isTimeoutError)
      fail(`isTimeoutError should be ${expected.isTimeoutError}`);
  }
  checkServerFields(expected, error);
  checkLabels(expected, error);
  if (expected.errorResponse !== undefined) {
    const response = (error as Document).errorResponse;
    if (response === undefined)
      fail(`error has no server response: ${error.name}: ${error.message}`);
    assertMatches(expected.errorResponse, response, { root: true, entities });
  }
  if (expected.expectResult !== undefined) {
    assertMatches(expected.expectResult, partialResultOf(error), { root: true, entities });
  }
  checkClientBulkDetails(expected, error, entities);
}
