import { Long, type Document } from 'bson';
import { continueChangeStream, getMoreFailure } from '../change-streams/commands';
import { MongoCommandError } from '../errors';
import { collationKey } from '../query/collation';
import { compileProjection } from '../query/projection';
import {
  compareValues,
  canonicalKey,
  isPlainObject,
  numberOf,
  type Doc,
  type Value,
} from '../query/values';
import { indexValuesAt } from '../storage/paths';
import { holdsText } from '../text/text-filter';
import type { CommandContext } from './context';
import { countPlan } from '../plan/executor';
import { planSelect, selectDocuments, type SelectOptions } from './select';
import type { CommandTable } from './types';

const DEFAULT_FIRST_BATCH = 101;

function batchSizeOf(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = numberOf(value);
  if (n < 0)
    throw new MongoCommandError(
      'NegativeValue',
      `BSON field 'batchSize' value must be >= 0, actual value '${n}'`,
    );
  return n === 0 && fallback === DEFAULT_FIRST_BATCH ? 0 : n || Infinity;
}

/** Returns the first batch and keeps the rest in a cursor owned by the command's session. */
export function openCursor(
  context: CommandContext,
  namespace: string,
  documents: Doc[],
  batchSize: number,
  singleBatch = false,
): Document {
  const firstBatch = documents.slice(0, batchSize);
  if (singleBatch || firstBatch.length >= documents.length)
    return { cursor: { firstBatch, id: Long.fromNumber(0), ns: namespace }, ok: 1 };
  const cursor = context.state.cursors.open(
    namespace,
    documents,
    firstBatch.length,
    context.session?.key,
  );
  return { cursor: { firstBatch, id: cursor.id, ns: namespace }, ok: 1 };
}

/** What a find command selects (checking the types of its filter, projection and sort). */
export function findSelection(context: CommandContext): SelectOptions {
  const command = context.command;
  for (const field of ['filter', 'projection', 'sort'] as const) {
    if (command[field] !== undefined && !isPlainObject(command[field])) {
      throw new MongoCommandError(
        'TypeMismatch',
        `BSON field 'FindCommandRequest.${field}' is the wrong type '${Array.isArray(command[field]) ? 'array' : typeof command[field]}', expected type 'object'`,
      );
    }
  }
  return {
    filter: command.filter,
    sort: command.sort,
    skip: command.skip,
    limit: command.limit === undefined ? 0 : Math.abs(numberOf(command.limit)),
    hint: command.hint,
    variables: context.variables,
    collation: context.collationFor(command.collation, context.access()),
  };
}

function find(context: CommandContext): Document {
  const command = context.command;
  const selection = findSelection(context);
  const singleBatch =
    command.singleBatch === true || (command.limit !== undefined && numberOf(command.limit) < 0);
  const entries = selectDocuments(context.access(), selection);
  const project = compileProjection(command.projection, {
    filter: command.filter,
    variables: context.variables,
    collation: selection.collation,
    textScores: holdsText(command.filter),
  });
  const documents = entries.map((entry) => (project ? project(entry.doc, entry.score) : entry.doc));
  const batchSize = batchSizeOf(command.batchSize, DEFAULT_FIRST_BATCH);
  return openCursor(
    context,
    context.namespace,
    documents,
    singleBatch ? Infinity : batchSize,
    singleBatch,
  );
}

function getMore(context: CommandContext): Document | Promise<Document> {
  const id = context.command.getMore as Long;
  const cursor = context.state.cursors.get(id);
  if (!cursor)
    throw new MongoCommandError('CursorNotFound', `cursor id ${id.toString()} not found`);
  if (cursor.sessionKey !== undefined && cursor.sessionKey !== context.session?.key) {
    throw new MongoCommandError(
      'CursorInOtherSession',
      `Cannot run getMore on cursor ${id.toString()}, which was created in session ${cursor.sessionKey}, in session ${context.session?.key ?? 'none'}`,
    );
  }
  const failure = context.state.failPoints.triggerAfterCursorCheckout();
  if (failure !== undefined) {
    context.state.cursors.close(id);
    throw getMoreFailure(cursor, failure);
  }
  const batchSize = batchSizeOf(context.command.batchSize, Infinity);
  if (cursor.changeStream)
    return continueChangeStream(context, cursor, cursor.changeStream, batchSize);
  const nextBatch = cursor.documents.slice(cursor.position, cursor.position + batchSize);
  cursor.position += nextBatch.length;
  const exhausted = cursor.position >= cursor.documents.length;
  if (exhausted) context.state.cursors.close(id);
  return {
    cursor: { nextBatch, id: exhausted ? Long.fromNumber(0) : cursor.id, ns: cursor.namespace },
    ok: 1,
  };
}

function killCursors(context: CommandContext): Document {
  const ids = Array.isArray(context.command.cursors) ? (context.command.cursors as Long[]) : [];
  const cursorsKilled: Long[] = [];
  const cursorsNotFound: Long[] = [];
  for (const id of ids)
    (context.state.cursors.close(id) ? cursorsKilled : cursorsNotFound).push(id);
  return { cursorsKilled, cursorsNotFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
}

/** What a count command selects (its query, skip, limit, hint and collation). */
export function countSelection(context: CommandContext): SelectOptions {
  const command = context.command;
  return {
    filter: command.query,
    skip: command.skip,
    limit: command.limit === undefined ? 0 : Math.abs(numberOf(command.limit)),
    hint: command.hint,
    collation: context.collationFor(command.collation, context.access()),
  };
}

function count(context: CommandContext): Document {
  const access = context.access();
  const plan = planSelect(access, countSelection(context), true);
  return { n: countPlan(access, plan).n, ok: 1 };
}

/** What a distinct command selects (its query and collation). */
export function distinctSelection(context: CommandContext): SelectOptions {
  const command = context.command;
  return {
    filter: command.query,
    collation: context.collationFor(command.collation, context.access()),
  };
}

function distinct(context: CommandContext): Document {
  const key = context.command.key;
  if (typeof key !== 'string')
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'distinct.key' is missing but a required field",
    );
  const selection = distinctSelection(context);
  const { collation } = selection;
  const entries = selectDocuments(context.access(), selection);
  const seen = new Map<string, Value>();
  for (const entry of entries) {
    for (const value of indexValuesAt(entry.doc, key)) {
      if (value === undefined) continue;
      const canonical = canonicalKey(collationKey(value, collation));
      if (!seen.has(canonical)) seen.set(canonical, value);
    }
  }
  return { values: [...seen.values()].sort((a, b) => compareValues(a, b, collation)), ok: 1 };
}

export const readCommands: CommandTable = { find, getMore, killCursors, count, distinct };
