/** Server-side command errors with MongoDB's numeric codes and code names. */
export const ErrorCodes = {
  InternalError: 1,
  BadValue: 2,
  NoSuchKey: 4,
  FailedToParse: 9,
  TypeMismatch: 14,
  InvalidLength: 16,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  PathNotViable: 28,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  NamespaceExists: 48,
  DollarPrefixedFieldName: 52,
  InvalidIdField: 53,
  NotSingleValueField: 54,
  CommandNotFound: 59,
  ImmutableField: 66,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  CannotIndexParallelArrays: 171,
  NoSuchTransaction: 251,
  TransactionCommitted: 256,
  OperationNotSupportedInTransaction: 263,
  DocumentValidationFailure: 121,
  WriteConflict: 112,
  DuplicateKey: 11000,
} as const;

export type ErrorCodeName = keyof typeof ErrorCodes;

const namesByCode = new Map<number, string>(
  Object.entries(ErrorCodes).map(([name, code]) => [code, name]),
);

export function codeNameOf(code: number): string {
  return namesByCode.get(code) ?? 'UnknownError';
}

export class MongoCommandError extends Error {
  readonly code: number;
  readonly codeName: string;
  readonly extra: Record<string, unknown>;
  readonly errorLabels: string[];

  constructor(
    codeName: ErrorCodeName | number,
    message: string,
    extra: Record<string, unknown> = {},
    errorLabels: string[] = [],
  ) {
    super(message);
    this.code = typeof codeName === 'number' ? codeName : ErrorCodes[codeName];
    this.codeName = typeof codeName === 'number' ? codeNameOf(codeName) : codeName;
    this.extra = extra;
    this.errorLabels = errorLabels;
  }

  /** The reply document MongoDB sends for a failed command. */
  toReply(): Record<string, unknown> {
    const reply: Record<string, unknown> = {
      ok: 0,
      errmsg: this.message,
      code: this.code,
      codeName: this.codeName,
      ...this.extra,
    };
    if (this.errorLabels.length > 0) reply.errorLabels = this.errorLabels;
    return reply;
  }

  /** The entry of a `writeErrors` array. */
  toWriteError(index: number): Record<string, unknown> {
    return { index, code: this.code, codeName: this.codeName, errmsg: this.message, ...this.extra };
  }
}

export function commandError(
  codeName: ErrorCodeName,
  message: string,
  extra?: Record<string, unknown>,
): MongoCommandError {
  return new MongoCommandError(codeName, message, extra);
}

export function transientError(codeName: ErrorCodeName, message: string): MongoCommandError {
  return new MongoCommandError(codeName, message, {}, ['TransientTransactionError']);
}

/** Turns anything thrown while running a command into a MongoDB-shaped error. */
export function toCommandError(error: unknown): MongoCommandError {
  if (error instanceof MongoCommandError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new MongoCommandError('BadValue', message);
}
