import { ClientSession, Collection, Db, FindCursor } from 'mongodb';
import { EntityKind, EntityMap, TestClient } from './entities';
import { toDriverOptions, toReturnDocument } from './options';
import { Document, Operation } from './schema';

/** What an entity operation may use besides its target. */
export interface EntityOperationContext {
  entities: EntityMap;
  /** Runs one operation of a withTransaction callback, with its assertions, rethrowing its error. */
  runCallbackOperation(operation: Operation): Promise<void>;
  noteTransactionStarted(): void;
}

type Handler = (target: any, args: Document, context: EntityOperationContext) => Promise<unknown>;

/** Results that are arrays of values (not iterated documents), so not root-level documents. */
export const NON_ROOT_RESULTS = new Set([
  'distinct',
  'listCollectionNames',
  'listDatabaseNames',
  'listIndexNames',
]);

const collectionHandlers: Record<string, Handler> = {
  aggregate: (c: Collection, { pipeline, ...options }) => c.aggregate(pipeline, options).toArray(),
  bulkWrite: (c: Collection, { requests, ...options }) => c.bulkWrite(requests, options),
  count: (c: Collection, { filter, ...options }) => c.count(filter, options),
  countDocuments: (c: Collection, { filter, ...options }) => c.countDocuments(filter, options),
  createFindCursor: async (c: Collection, { filter, ...options }) => {
    const cursor = c.find(filter, options);
    await cursor.hasNext();
    return cursor;
  },
  createIndex: (c: Collection, { keys, ...options }) => c.createIndex(keys, options),
  deleteMany: (c: Collection, { filter, ...options }) => c.deleteMany(filter, options),
  deleteOne: (c: Collection, { filter, ...options }) => c.deleteOne(filter, options),
  distinct: (c: Collection, { fieldName, filter, ...options }) =>
    c.distinct(fieldName, filter, options),
  drop: async (c: Collection, options) => {
    await c.drop(options);
  },
  dropIndex: (c: Collection, { name, ...options }) => c.dropIndex(name, options),
  dropIndexes: (c: Collection, options) => c.dropIndexes(options),
  estimatedDocumentCount: (c: Collection, options) => c.estimatedDocumentCount(options),
  find: (c: Collection, { filter, ...options }) => c.find(filter, options).toArray(),
  findOne: (c: Collection, { filter, ...options }) => c.findOne(filter, options),
  findOneAndDelete: (c: Collection, { filter, ...options }) => c.findOneAndDelete(filter, options),
  findOneAndReplace: (c: Collection, { filter, replacement, returnDocument, ...options }) =>
    c.findOneAndReplace(filter, replacement, withReturnDocument(options, returnDocument)),
  findOneAndUpdate: (c: Collection, { filter, update, returnDocument, ...options }) =>
    c.findOneAndUpdate(filter, update, withReturnDocument(options, returnDocument)),
  insertMany: (c: Collection, { documents, ...options }) => c.insertMany(documents, options),
  insertOne: (c: Collection, { document, ...options }) => c.insertOne(document, options),
  listIndexes: (c: Collection, options) => c.listIndexes(options).toArray(),
  listIndexNames: async (c: Collection, options) =>
    (await c.listIndexes(options).toArray()).map((index) => index.name),
  rename: async (c: Collection, { to, ...options }) => {
    await c.rename(to, options);
  },
  replaceOne: (c: Collection, { filter, replacement, ...options }) =>
    c.replaceOne(filter, replacement, options),
  updateMany: (c: Collection, { filter, update, ...options }) =>
    c.updateMany(filter, update, options),
  updateOne: (c: Collection, { filter, update, ...options }) =>
    c.updateOne(filter, update, options),
};

const databaseHandlers: Record<string, Handler> = {
  aggregate: (db: Db, { pipeline, ...options }) => db.aggregate(pipeline, options).toArray(),
  createCollection: async (db: Db, { collection, ...options }) => {
    await db.createCollection(collection, options);
  },
  dropCollection: async (db: Db, { collection, ...options }) => {
    await db.dropCollection(collection, options);
  },
  listCollectionNames: async (db: Db, { filter, ...options }) =>
    (await db.listCollections(filter, { ...options, nameOnly: true }).toArray()).map((c) => c.name),
  listCollections: (db: Db, { filter, ...options }) =>
    db.listCollections(filter, options).toArray(),
  modifyCollection: (db: Db, { collection, session, ...changes }) =>
    db.command({ collMod: collection, ...changes }, { session }),
  runCommand: (db: Db, { command, commandName: _name, ...options }) => db.command(command, options),
  runCursorCommand: (db: Db, { command, commandName: _name, ...options }) =>
    db.runCursorCommand(command, options).toArray(),
};

const clientHandlers: Record<string, Handler> = {
  clientBulkWrite: (client: TestClient, { models, ...options }) =>
    client.client.bulkWrite(
      models.map((model: Document) => {
        const [name, fields] = Object.entries(model)[0];
        return { name, ...fields };
      }),
      options,
    ),
  close: (client: TestClient) => client.client.close(),
  listDatabaseNames: async (client: TestClient, options) =>
    (
      await client.client
        .db()
        .admin()
        .listDatabases({ ...options, nameOnly: true })
    ).databases.map((d) => d.name),
  listDatabases: async (client: TestClient, options) =>
    (await client.client.db().admin().listDatabases(options)).databases,
};

const sessionHandlers: Record<string, Handler> = {
  abortTransaction: (session: ClientSession) => session.abortTransaction(),
  commitTransaction: (session: ClientSession) => session.commitTransaction(),
  endSession: (session: ClientSession) => session.endSession(),
  startTransaction: async (session: ClientSession, options, context) => {
    context.noteTransactionStarted();
    session.startTransaction(options);
  },
  withTransaction: async (session: ClientSession, { callback, ...options }, context) => {
    context.noteTransactionStarted();
    await session.withTransaction(async () => {
      for (const operation of callback as Operation[])
        await context.runCallbackOperation(operation);
    }, options);
  },
};

const cursorHandlers: Record<string, Handler> = {
  close: (cursor: FindCursor) => cursor.close(),
  iterateOnce: (cursor: FindCursor) => cursor.tryNext(),
  iterateUntilDocumentOrError: (cursor: FindCursor) => cursor.next(),
};

const HANDLERS: Partial<Record<EntityKind, Record<string, Handler>>> = {
  collection: collectionHandlers,
  database: databaseHandlers,
  client: clientHandlers,
  session: sessionHandlers,
  cursor: cursorHandlers,
};

function withReturnDocument(options: Document, returnDocument: unknown): Document {
  return returnDocument === undefined
    ? options
    : { ...options, returnDocument: toReturnDocument(returnDocument) };
}

function prepareArguments(args: Document, entities: EntityMap): Document {
  const prepared = toDriverOptions(args);
  if (typeof args.session === 'string') prepared.session = entities.get(args.session, 'session');
  return prepared;
}

/** Runs an operation on an entity through the driver and returns its raw result. */
export async function runEntityOperation(
  operation: Operation,
  context: EntityOperationContext,
): Promise<unknown> {
  const kind = context.entities.kindOf(operation.object);
  if (!kind) throw new Error(`entity ${operation.object} is not defined`);
  const handler = HANDLERS[kind]?.[operation.name];
  if (!handler) throw new Error(`unsupported operation ${operation.name} on a ${kind}`);
  const target = context.entities.get(operation.object, kind);
  return handler(target, prepareArguments(operation.arguments ?? {}, context.entities), context);
}
