import type { Document } from 'bson';
import { MongoCommandError } from '../errors';
import { compileProjection } from '../query/projection';
import type { Doc } from '../query/values';
import type { CommandContext } from './context';
import { withLockWait } from './write-batch';
import { deleteDocuments, updateDocuments } from './write-ops';
import type { CommandTable } from './types';

/** The options of a findAndModify, checked as MongoDB checks them. */
export function findAndModifyOptions(context: CommandContext) {
  const command = context.command;
  const remove = command.remove === true;
  const hasUpdate = command.update !== undefined;
  if (remove && hasUpdate)
    throw new MongoCommandError('FailedToParse', 'Cannot specify both an update and remove=true');
  if (!remove && !hasUpdate)
    throw new MongoCommandError(
      'FailedToParse',
      'Either an update or remove=true must be specified',
    );
  if (remove && command.upsert === true)
    throw new MongoCommandError(
      'FailedToParse',
      'Cannot specify both upsert=true and remove=true ',
    );
  if (remove && command.new === true) {
    throw new MongoCommandError(
      'FailedToParse',
      "Cannot specify both new=true and remove=true; 'remove' always returns the deleted document",
    );
  }
  return { remove, returnNew: command.new === true, upsert: command.upsert === true };
}

async function findAndModify(context: CommandContext): Promise<Document> {
  const { remove, returnNew, upsert } = findAndModifyOptions(context);
  const command = context.command;
  const access = context.access();
  const collation = context.collationFor(command.collation, access);
  const writeOptions = {
    bypassValidation: command.bypassDocumentValidation === true,
    variables: context.variables,
    collation,
  };
  const project = compileProjection(command.fields, {
    filter: command.query,
    variables: context.variables,
    collation,
  });
  const shape = (doc: Doc | undefined) => (doc ? (project ? project(doc) : doc) : null);
  if (remove) {
    const [deleted] = await withLockWait(() =>
      deleteDocuments(
        access,
        { filter: command.query, multi: false, sort: command.sort, hint: command.hint },
        writeOptions,
      ),
    );
    return { lastErrorObject: { n: deleted ? 1 : 0 }, value: shape(deleted?.doc), ok: 1 };
  }
  const outcome = await withLockWait(() =>
    updateDocuments(
      access,
      {
        filter: command.query,
        update: command.update,
        upsert,
        multi: false,
        arrayFilters: command.arrayFilters,
        sort: command.sort,
        hint: command.hint,
      },
      writeOptions,
    ),
  );
  if (outcome.upsertedId !== undefined) {
    return {
      lastErrorObject: { n: 1, updatedExisting: false, upserted: outcome.upsertedId },
      value: returnNew ? shape(outcome.after) : null,
      ok: 1,
    };
  }
  if (outcome.matched === 0)
    return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
  return {
    lastErrorObject: { n: 1, updatedExisting: true },
    value: shape(returnNew ? outcome.after : outcome.before),
    ok: 1,
  };
}

export const findAndModifyCommands: CommandTable = { findAndModify, findandmodify: findAndModify };
