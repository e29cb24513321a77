import { Long, type Document } from 'bson';
import type { CommandContext } from '../commands/context';
import { ErrorCodes, MongoCommandError, RETRYABLE_ERROR_NAMES } from '../errors';
import { checkChangeStreamPipeline } from '../query/aggregation/stage-names';
import { isPlainObject, numberOf, type Doc } from '../query/values';
import type { Cursor } from '../session/cursors';
import { ChangeStream, oldestReadablePoint } from './change-stream';
import { compileEventPipeline, fatalStreamError } from './event-pipeline';
import { relevance, type StreamScope } from './events';
import { comparePositions, encodeToken, highWaterMark, type StreamPosition } from './resume-token';
import { parseChangeStreamSpec, type ChangeStreamSpec } from './spec';

/** How long an awaitData getMore waits for events when it gives no maxTimeMS (as MongoDB). */
const DEFAULT_AWAIT_MS = 1000;

/** Codes after which MongoDB labels a change stream's error ResumableChangeStreamError. */
const RESUMABLE_CODES = new Set<number>(
  [...RETRYABLE_ERROR_NAMES, 'FailedToSatisfyReadPreference' as const].map(
    (name) => ErrorCodes[name],
  ),
);

/** Whether a pipeline opens with a `$changeStream` stage (of the one field a stage has). */
export function isChangeStreamPipeline(pipeline: unknown): boolean {
  const first: unknown = Array.isArray(pipeline) ? pipeline[0] : undefined;
  return isPlainObject(first) && Object.keys(first).join() === '$changeStream';
}

/** Explaining a change stream (by `explain: true` or the `explain` command) is out of scope. */
export function changeStreamExplainRefused(): MongoCommandError {
  return new MongoCommandError(
    'NotImplemented',
    'explain of a $changeStream is not supported by this MongoDB emulator',
  );
}

/** `aggregate` with a leading `$changeStream`: opens the stream and returns its first batch. */
export function openChangeStream(context: CommandContext): Document {
  const command = context.command;
  if (context.txn)
    throw new MongoCommandError(
      'OperationNotSupportedInTransaction',
      '$changeStream is not allowed in a multi-document transaction',
    );
  if (command.explain !== undefined) throw changeStreamExplainRefused();
  if (!isPlainObject(command.cursor))
    throw new MongoCommandError(
      'FailedToParse',
      "The 'cursor' option is required, except for aggregate with the explain argument",
    );
  const [first, ...stages] = command.pipeline as Doc[];
  const spec = parseChangeStreamSpec(first.$changeStream);
  checkChangeStreamPipeline(stages);
  const scope = scopeOf(context, spec);
  const access = scope.coll === undefined ? undefined : context.access();
  const pipeline = compileEventPipeline(stages, {
    collation: context.collationFor(command.collation, access),
    variables: context.variables,
  });
  const start = startPosition(context, spec, scope);
  const stream = new ChangeStream(
    context.engine,
    context.state.clock,
    scope,
    spec,
    pipeline,
    start,
  );
  const batchSize =
    command.cursor.batchSize === undefined ? 101 : numberOf(command.cursor.batchSize);
  const batch = stream.nextBatch(batchSize);
  const namespace =
    scope.coll === undefined ? `${context.db}.$cmd.aggregate` : `${context.db}.${scope.coll}`;
  const id = batch.invalidated
    ? Long.fromNumber(0)
    : context.state.cursors.openStream(namespace, stream, context.session?.key).id;
  return {
    cursor: {
      firstBatch: batch.events,
      postBatchResumeToken: batch.resumeToken,
      id,
      ns: namespace,
    },
    ok: 1,
  };
}

/** A getMore on a change stream's cursor: waits up to `maxTimeMS` for events. */
export async function continueChangeStream(
  context: CommandContext,
  cursor: Cursor,
  stream: ChangeStream,
  limit: number,
): Promise<Document> {
  const maxTimeMS = context.command.maxTimeMS;
  const waitMs = maxTimeMS === undefined ? DEFAULT_AWAIT_MS : numberOf(maxTimeMS);
  let batch;
  try {
    batch = await stream.awaitBatch(limit, waitMs);
  } catch (error) {
    context.state.cursors.close(cursor.id);
    throw error;
  }
  if (batch.invalidated) context.state.cursors.close(cursor.id);
  return {
    cursor: {
      nextBatch: batch.events,
      postBatchResumeToken: batch.resumeToken,
      id: batch.invalidated ? Long.fromNumber(0) : cursor.id,
      ns: cursor.namespace,
    },
    ok: 1,
  };
}

/** The error of a getMore failed once its cursor was found, labelled as MongoDB labels it. */
export function getMoreFailure(cursor: Cursor, code: number): MongoCommandError {
  const labels =
    cursor.changeStream && RESUMABLE_CODES.has(code) ? ['ResumableChangeStreamError'] : [];
  return new MongoCommandError(code, 'Failing getMore after cursor checkout', {}, labels);
}

const INTERNAL_DATABASES = ['admin', 'config', 'local'];

function scopeOf(context: CommandContext, spec: ChangeStreamSpec): StreamScope {
  const onCollection = typeof context.command.aggregate === 'string';
  if (spec.allChangesForCluster) {
    if (context.db !== 'admin' || onCollection)
      throw new MongoCommandError(
        'InvalidOptions',
        `A $changeStream with 'allChangesForCluster:true' may only be opened on the 'admin' database, and with no collection name; found ${onCollection ? context.namespace : `${context.db}.$cmd.aggregate`}`,
      );
    return {};
  }
  if (INTERNAL_DATABASES.includes(context.db))
    throw new MongoCommandError(
      'InvalidNamespace',
      `$changeStream may not be opened on the internal ${context.db} database`,
    );
  if (!onCollection) return { db: context.db };
  if (context.collectionName.startsWith('system.'))
    throw new MongoCommandError(
      'InvalidNamespace',
      `$changeStream may not be opened on the internal ${context.namespace} collection`,
    );
  if (context.access().isView)
    throw new MongoCommandError(
      'CommandNotSupportedOnView',
      `Namespace ${context.namespace} is a view, not a collection`,
    );
  return { db: context.db, coll: context.collectionName };
}

/**
 * Where a stream starts: after its resume token, at `startAtOperationTime`, or after the latest
 * write. A point older than the oplog keeps is refused with ChangeStreamHistoryLost, an event
 * token the oplog does not hold for this stream with ChangeStreamFatalError.
 */
function startPosition(
  context: CommandContext,
  spec: ChangeStreamSpec,
  scope: StreamScope,
): StreamPosition {
  const { clock } = context.state;
  const oplog = context.engine.oplog;
  const floor = oldestReadablePoint(context.engine, clock);
  const token = spec.resumeAfter ?? spec.startAfter;
  const requested = token ?? startTime(context, spec);
  if (comparePositions(requested, floor) < 0)
    throw fatalStreamError(
      'ChangeStreamHistoryLost',
      'Resume of change stream was not possible, as the resume point may no longer be in the oplog.',
    );
  if (token?.event && comparePositions(token, { ...floor, invalidate: token.invalidate }) !== 0) {
    const entry = oplog.find({ tick: clock.tickOf(token.t, token.i), index: token.index });
    const shown = entry && relevance(scope, entry);
    if (!shown || (token.invalidate && !shown.invalidates))
      throw fatalStreamError(
        'ChangeStreamFatalError',
        `cannot resume stream; the resume token was not found. ${JSON.stringify(encodeToken(token))}`,
      );
  }
  return requested;
}

function startTime(context: CommandContext, spec: ChangeStreamSpec): StreamPosition {
  const time = spec.startAtOperationTime ?? context.state.clock.at(context.engine.now() + 1);
  return highWaterMark(time.t, time.i);
}
