/** MongoDB's named error codes (its error_codes.yml) that the emulator answers with. */
export const ErrorCodes = {
  InternalError: 1,
  BadValue: 2,
  NoSuchKey: 4,
  HostUnreachable: 6,
  HostNotFound: 7,
  FailedToParse: 9,
  Unauthorized: 13,
  TypeMismatch: 14,
  InvalidLength: 16,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  PathNotViable: 28,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  NamespaceExists: 48,
  NoMatchingDocument: 47,
  MaxTimeMSExpired: 50,
  DollarPrefixedFieldName: 52,
  InvalidIdField: 53,
  NotSingleValueField: 54,
  EmptyFieldName: 56,
  CommandNotFound: 59,
  StaleShardVersion: 63,
  ImmutableField: 66,
  CannotCreateIndex: 67,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  FailedToSatisfyReadPreference: 133,
  CappedPositionLost: 136,
  NetworkTimeout: 89,
  ShutdownInProgress: 91,
  UnsatisfiableWriteConcern: 100,
  WriteConflict: 112,
  DocumentValidationFailure: 121,
  StaleEpoch: 150,
  CommandNotSupportedOnView: 166,
  InvalidPipelineOperator: 168,
  CannotIndexParallelArrays: 171,
  PrimarySteppedDown: 189,
  TransactionTooOld: 225,
  RetryChangeStream: 234,
  CursorKilled: 237,
  NotImplemented: 238,
  NoSuchTransaction: 251,
  TransactionCommitted: 256,
  InvalidResumeToken: 260,
  ExceededTimeLimit: 262,
  OperationNotSupportedInTransaction: 263,
  ChangeStreamFatalError: 280,
  ChangeStreamHistoryLost: 286,
  NoQueryExecutionPlans: 291,
  SocketException: 9001,
  NotWritablePrimary: 10107,
  BSONObjectTooLarge: 10334,
  DuplicateKey: 11000,
  InterruptedAtShutdown: 11600,
  InterruptedDueToReplStateChange: 11602,
  MergeStageNoMatchingDocument: 13113,
  NotPrimaryNoSecondaryOk: 13435,
  NotPrimaryOrSecondary: 13436,
} as const;

/**
 * Codes MongoDB raises at one place without a name (its codeName is `Location<code>`), named
 * here by what they mean.
 */
export const LocationCodes = {
  GroupWithoutId: 15955,
  SortKeyOrder: 15975,
  SortWithoutKeys: 15976,
  ExpressionArity: 16020,
  AddNonNumeric: 16554,
  MultiplyNonNumeric: 16555,
  SubtractNonNumeric: 16556,
  DivideNonNumeric: 16609,
  AddTwoDates: 16612,
  LanguageOverrideNotString: 17261,
  LanguageOverrideUnsupported: 17262,
  MetaArgumentUnsupported: 17308,
  TextNotFirstStage: 17313,
  SliceArgument: 28724,
  ProjectionInclusionInExclusion: 31253,
  ProjectionExclusionInInclusion: 31254,
  MultiplePositionalProjections: 31276,
  PipelineStageShape: 40323,
  UnrecognizedPipelineStage: 40324,
  MissingField: 40414,
  UnknownField: 40415,
  TextScoreUnavailable: 40218,
  OutputStageNotLast: 40601,
  ChangeStreamNotFirst: 40602,
  BadResumeToken: 40647,
  ResumeOptionsConflict: 40674,
  CursorInOtherSession: 50738,
  ChangeStreamSpecNotObject: 50808,
  ResumeAfterWithStartAfter: 50865,
  NegativeValue: 51024,
  InvalidRegex: 51091,
  PositionalProjectionNoMatch: 51246,
  EmptySubProjection: 51270,
} as const;

export type ErrorCodeName = keyof typeof ErrorCodes;

/**
 * The network, shutdown and step-down errors after which both the retryable writes and the
 * change streams specifications let a driver try again (change streams add a few of their own).
 */
export const RETRYABLE_ERROR_NAMES = [
  'HostUnreachable',
  'HostNotFound',
  'NetworkTimeout',
  'ShutdownInProgress',
  'PrimarySteppedDown',
  'ExceededTimeLimit',
  'SocketException',
  'NotWritablePrimary',
  'InterruptedAtShutdown',
  'InterruptedDueToReplStateChange',
  'NotPrimaryNoSecondaryOk',
  'NotPrimaryOrSecondary',
  'StaleShardVersion',
  'StaleEpoch',
  'RetryChangeStream',
] as const satisfies readonly ErrorCodeName[];
export type LocationCodeName = keyof typeof LocationCodes;

const namesByCode = new Map<number, string>(
  Object.entries(ErrorCodes).map(([name, code]) => [code, name]),
);

/** MongoDB's codeName for a code: its name, or `Location<code>` for an unnamed one. */
export function codeNameOf(code: number): string {
  return namesByCode.get(code) ?? `Location${code}`;
}

function codeOf(code: ErrorCodeName | LocationCodeName | number): number {
  if (typeof code === 'number') return code;
  return code in ErrorCodes
    ? ErrorCodes[code as ErrorCodeName]
    : LocationCodes[code as LocationCodeName];
}

export class MongoCommandError extends Error {
  readonly code: number;
  readonly codeName: string;
  readonly extra: Record<string, unknown>;
  readonly errorLabels: string[];

  /** `code`: a name of {@link ErrorCodes} or {@link LocationCodes} (a number only when relayed). */
  constructor(
    code: ErrorCodeName | LocationCodeName | number,
    message: string,
    extra: Record<string, unknown> = {},
    errorLabels: string[] = [],
  ) {
    super(message);
    this.code = codeOf(code);
    this.codeName = codeNameOf(this.code);
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

/** Where the emulator reports its own faults (stderr unless the embedding code gives one). */
export interface EmulatorLogger {
  error(message: string, error?: unknown): void;
}

export const consoleLogger: EmulatorLogger = {
  error: (message, error) => console.error(`[mongo-emulator] ${message}`, error ?? ''),
};

/**
 * Turns anything thrown while running a command into a MongoDB-shaped error: deliberate command
 * errors pass through; anything else is a fault of the emulator, logged with its stack and
 * answered as InternalError so that it is never mistaken for a client mistake.
 */
export function toCommandError(error: unknown, logger: EmulatorLogger): MongoCommandError {
  if (error instanceof MongoCommandError) return error;
  logger.error('internal error while running a command', error);
  const message = error instanceof Error ? error.message : String(error);
  return new MongoCommandError('InternalError', message);
}
