import type { Document } from 'bson';
import { MongoCommandError } from '../errors';
import { isPlainObject, numberOf, type Doc, type Value } from '../query/values';
import type { CommandContext } from './context';
import { assertKnownStatementFields } from './known-fields';
import { batchOf, runWriteBatch } from './write-batch';
import { deleteDocuments, insertDocument, updateDocuments } from './write-ops';
import type { CommandTable } from './types';

function withWriteErrors(reply: Document, writeErrors: Document[]): Document {
  if (writeErrors.length > 0) reply.writeErrors = writeErrors;
  return reply;
}

function statement(item: unknown, kind: string): Doc {
  if (!isPlainObject(item))
    throw new MongoCommandError(
      'TypeMismatch',
      `BSON field '${kind}' is the wrong type, expected type 'object'`,
    );
  return item;
}

async function insert(context: CommandContext): Promise<Document> {
  const access = context.access();
  const bypassValidation = context.command.bypassDocumentValidation === true;
  let n = 0;
  const writeErrors = await runWriteBatch(context, batchOf(context, 'documents'), (item) => {
    insertDocument(access, statement(item, 'insert.documents'), { bypassValidation });
    n += 1;
  });
  return withWriteErrors({ n, ok: 1 }, writeErrors);
}

async function update(context: CommandContext): Promise<Document> {
  const access = context.access();
  const bypassValidation = context.command.bypassDocumentValidation === true;
  let n = 0;
  let nModified = 0;
  const upserted: Array<{ index: number; _id: Value }> = [];
  const writeErrors = await runWriteBatch(context, batchOf(context, 'updates'), (item, index) => {
    const spec = statement(item, 'update.updates');
    assertKnownStatementFields('update.updates', spec);
    if (spec.u === undefined)
      throw new MongoCommandError(
        'FailedToParse',
        "BSON field 'update.updates.u' is missing but a required field",
      );
    const outcome = updateDocuments(
      access,
      {
        filter: spec.q,
        update: spec.u,
        upsert: spec.upsert === true,
        multi: spec.multi === true,
        arrayFilters: spec.arrayFilters,
        hint: spec.hint,
      },
      {
        bypassValidation,
        variables: context.variables,
        collation: context.collationFor(spec.collation, access),
      },
    );
    if (outcome.upsertedId !== undefined) {
      upserted.push({ index, _id: outcome.upsertedId });
      n += 1;
    } else {
      n += outcome.matched;
      nModified += outcome.modified;
    }
  });
  const reply: Document = { n, nModified, ok: 1 };
  if (upserted.length > 0) reply.upserted = upserted;
  return withWriteErrors(reply, writeErrors);
}

async function remove(context: CommandContext): Promise<Document> {
  const access = context.access();
  let n = 0;
  const writeErrors = await runWriteBatch(context, batchOf(context, 'deletes'), (item) => {
    const spec = statement(item, 'delete.deletes');
    assertKnownStatementFields('delete.deletes', spec);
    const limit = spec.limit === undefined ? 0 : numberOf(spec.limit);
    if (limit !== 0 && limit !== 1)
      throw new MongoCommandError(
        'FailedToParse',
        `The limit field in delete objects must be 0 or 1. Got ${limit}`,
      );
    n += deleteDocuments(
      access,
      { filter: spec.q, multi: limit === 0, hint: spec.hint },
      { variables: context.variables, collation: context.collationFor(spec.collation, access) },
    ).length;
  });
  return withWriteErrors({ n, ok: 1 }, writeErrors);
}

export const writeCommands: CommandTable = { insert, update, delete: remove };
