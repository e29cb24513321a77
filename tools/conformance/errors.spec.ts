import { MongoBulkWriteError, MongoInvalidArgumentError, MongoServerError } from 'mongodb';
import { checkExpectedError } from './errors';
import { MatchEntities } from './matcher';

const entities: MatchEntities = {
  sessionLsid: () => {
    throw new Error('no sessions');
  },
  entityValue: () => {
    throw new Error('no entities');
  },
};

function serverError(response: Record<string, unknown>): MongoServerError {
  return new MongoServerError({ ok: 0, ...response });
}

function passes(expected: Parameters<typeof checkExpectedError>[0], error: unknown): boolean {
  try {
    checkExpectedError(expected, error, entities);
    return true;
  } catch {
    return false;
  }
}

describe('checkExpectedError', () => {
  const duplicate = serverError({
    code: 11000,
    codeName: 'DuplicateKey',
    errmsg: 'E11000 duplicate key error collection: db.c index: x_1',
    keyPattern: { x: 1 },
    keyValue: { x: 'foo' },
  });

  it('tells client errors from server errors', () => {
    const clientError = new MongoInvalidArgumentError('Update document requires atomic operators');
    expect(passes({ isClientError: true }, clientError)).toBe(true);
    expect(passes({ isClientError: false }, clientError)).toBe(false);
    expect(passes({ isClientError: false }, duplicate)).toBe(true);
    expect(passes({ isClientError: true }, duplicate)).toBe(false);
  });

  it('checks the message case-insensitively', () => {
    expect(passes({ errorContains: 'e11000 DUPLICATE' }, duplicate)).toBe(true);
    expect(passes({ errorContains: 'not there' }, duplicate)).toBe(false);
  });

  it('checks the code and the code name', () => {
    expect(passes({ errorCode: 11000, errorCodeName: 'duplicatekey' }, duplicate)).toBe(true);
    expect(passes({ errorCode: 11001 }, duplicate)).toBe(false);
    expect(passes({ errorCodeName: 'WriteConflict' }, duplicate)).toBe(false);
  });

  it('checks labels that must be present or absent', () => {
    const conflict = serverError({
      code: 112,
      codeName: 'WriteConflict',
      errorLabels: ['TransientTransactionError'],
    });
    expect(passes({ errorLabelsContain: ['TransientTransactionError'] }, conflict)).toBe(true);
    expect(passes({ errorLabelsOmit: ['TransientTransactionError'] }, conflict)).toBe(false);
    expect(passes({ errorLabelsContain: ['UnknownTransactionCommitResult'] }, conflict)).toBe(
      false,
    );
  });

  it('matches the server response as a root-level document', () => {
    expect(
      passes({ errorResponse: { keyPattern: { x: 1 }, keyValue: { x: 'foo' } } }, duplicate),
    ).toBe(true);
    expect(passes({ errorResponse: { keyValue: { x: 'bar' } } }, duplicate)).toBe(false);
    expect(passes({ errorResponse: { code: 8 } }, new Error('plain'))).toBe(false);
  });

  it('fails when no error was raised', () => {
    expect(passes({ isError: true }, undefined)).toBe(false);
  });

  describe('bulk write errors', () => {
    const bulkError = new MongoBulkWriteError(
      { message: 'E11000 duplicate key error', code: 11000, writeErrors: [] },
      {
        insertedCount: 2,
        matchedCount: 0,
        modifiedCount: 0,
        deletedCount: 0,
        upsertedCount: 0,
        upsertedIds: {},
        insertedIds: {},
      } as never,
    );
    Object.defineProperty(bulkError, 'writeErrors', {
      value: [{ index: 1, code: 11000, errmsg: 'E11000 duplicate key error' }],
    });

    it('matches the partial result of the bulk write', () => {
      const expected = { deletedCount: 0, insertedCount: 2, upsertedIds: {} };
      expect(passes({ isError: true, expectResult: expected }, bulkError)).toBe(true);
      expect(passes({ expectResult: { insertedCount: 3 } }, bulkError)).toBe(false);
    });

    it('looks into aggregated write errors for codes and code names', () => {
      expect(passes({ errorCodeName: 'DuplicateKey' }, bulkError)).toBe(true);
      expect(passes({ errorCode: 11000 }, bulkError)).toBe(true);
    });
  });
});
