import { type Document, UUID } from 'bson';
import { MongoCommandError } from '../errors';
import { collationDocument, parseCollation } from '../query/collation';
import { checkPipeline } from '../query/aggregation/stage-names';
import { compileFilter } from '../query/matcher';
import { isPlainObject, sameCanonical, type Doc } from '../query/values';
import { validateCollectionName } from '../storage/engine';
import type { Collection } from '../storage/collection';
import type { CommandContext } from './context';
import { commandOptions, cursorReply } from './generic';
import type { CommandTable } from './types';

const collectionIds = new WeakMap<Collection, UUID>();

function collectionInfo(collection: Collection, nameOnly: boolean): Doc {
  const type = typeof collection.options.viewOn === 'string' ? 'view' : 'collection';
  if (nameOnly) return { name: collection.name, type };
  if (type === 'view')
    return { name: collection.name, type, options: collection.options, info: { readOnly: true } };
  let uuid = collectionIds.get(collection);
  if (!uuid) collectionIds.set(collection, (uuid = new UUID()));
  return {
    name: collection.name,
    type,
    options: collection.options,
    info: { readOnly: false, uuid },
    idIndex: collection.idIndexSpec,
  };
}

function listCollections(context: CommandContext): Document {
  const nameOnly = context.command.nameOnly === true;
  const matcher = compileFilter(context.command.filter);
  const infos = context.engine
    .collections(context.db)
    .map((collection) => collectionInfo(collection, nameOnly))
    .filter((info) => matcher.test(info));
  return cursorReply(`${context.db}.$cmd.listCollections`, infos);
}

function listDatabases(context: CommandContext): Document {
  const matcher = compileFilter(context.command.filter);
  const databases = [...context.engine.databases.keys()]
    .map((name) => ({ name, sizeOnDisk: 8192, empty: false }))
    .filter((info) => matcher.test(info));
  if (context.command.nameOnly === true)
    return { databases: databases.map(({ name }) => ({ name })), ok: 1 };
  return { databases, totalSize: databases.length * 8192, totalSizeMb: 0, ok: 1 };
}

/** `changeStreamPreAndPostImages` must be `{ enabled: <bool> }`. */
function checkImagesOption(context: CommandContext, value: unknown): void {
  if (value === undefined) return;
  if (!isPlainObject(value))
    throw new MongoCommandError(
      'TypeMismatch',
      `BSON field '${context.name}.changeStreamPreAndPostImages' is the wrong type, expected type 'object'`,
    );
  if (typeof value.enabled !== 'boolean')
    throw new MongoCommandError(
      'MissingField',
      "BSON field 'changeStreamPreAndPostImages.enabled' is missing but a required field",
    );
}

function create(context: CommandContext): Document {
  const name = context.collectionName;
  const options = commandOptions(context.command, 'create');
  checkImagesOption(context, options.changeStreamPreAndPostImages);
  if (options.validator !== undefined && !isPlainObject(options.validator))
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'create.validator' is the wrong type, expected type 'object'",
    );
  if (options.validator) compileFilter(options.validator);
  if (options.viewOn !== undefined) checkPipeline(options.pipeline ?? []);
  if (options.capped === true && options.size === undefined)
    throw new MongoCommandError(
      'InvalidOptions',
      "the 'size' field is required when 'capped' is true",
    );
  for (const unsupported of ['capped', 'timeseries'] as const)
    if (options[unsupported] !== undefined && options[unsupported] !== false)
      throw new MongoCommandError(
        'NotImplemented',
        `${unsupported === 'capped' ? 'capped' : 'time-series'} collections are not supported by this MongoDB emulator`,
      );
  const collation = parseCollation(options.collation);
  if (collation) options.collation = collationDocument(collation);
  else delete options.collation;
  const existing = context.engine.collection(context.db, name);
  if (existing) {
    if (sameCanonical(existing.options, options)) return { ok: 1 };
    throw new MongoCommandError(
      'NamespaceExists',
      `Collection ${context.db}.${name} already exists.`,
    );
  }
  context.engine.createCollection(context.db, name, options);
  return { ok: 1 };
}

function collMod(context: CommandContext): Document {
  const collection = context.engine.collection(context.db, context.collectionName);
  if (!collection)
    throw new MongoCommandError('NamespaceNotFound', `ns does not exist: ${context.namespace}`);
  const reply: Document = { ok: 1 };
  checkImagesOption(context, context.command.changeStreamPreAndPostImages);
  for (const field of [
    'validator',
    'validationLevel',
    'validationAction',
    'changeStreamPreAndPostImages',
  ] as const) {
    if (context.command[field] !== undefined)
      collection.options = { ...collection.options, [field]: context.command[field] };
  }
  const indexChange = context.command.index;
  if (isPlainObject(indexChange)) {
    const index = [...collection.indexes.values()].find((candidate) =>
      typeof indexChange.name === 'string'
        ? candidate.name === indexChange.name
        : sameCanonical(candidate.spec.key, indexChange.keyPattern),
    );
    if (!index)
      throw new MongoCommandError(
        'IndexNotFound',
        `cannot find index ${JSON.stringify(indexChange.name ?? indexChange.keyPattern)} for ns ${context.namespace}`,
      );
    if (indexChange.expireAfterSeconds !== undefined) {
      reply.expireAfterSeconds_old = index.spec.expireAfterSeconds;
      index.spec.expireAfterSeconds = indexChange.expireAfterSeconds as number;
      reply.expireAfterSeconds_new = indexChange.expireAfterSeconds;
    }
  }
  return reply;
}

function isView(collection: Collection): boolean {
  return typeof collection.options.viewOn === 'string';
}

function drop(context: CommandContext): Document {
  const collection = context.engine.collection(context.db, context.collectionName);
  const nIndexesWas = collection ? collection.indexes.size + 1 : undefined;
  context.engine.dropCollection(context.db, context.collectionName);
  if (collection && !isView(collection))
    context.engine.logCatalogChange({ op: 'drop', db: context.db, coll: collection.name });
  return collection ? { nIndexesWas, ns: context.namespace, ok: 1 } : { ok: 1 };
}

/** As MongoDB: each collection's drop in the oplog, then the database's. */
function dropDatabase(context: CommandContext): Document {
  const collections = context.engine.collections(context.db);
  context.engine.dropDatabase(context.db);
  for (const collection of collections)
    if (!isView(collection))
      context.engine.logCatalogChange({ op: 'drop', db: context.db, coll: collection.name });
  if (collections.length > 0)
    context.engine.logCatalogChange({ op: 'dropDatabase', db: context.db });
  return { dropped: context.db, ok: 1 };
}

function renameCollection(context: CommandContext): Document {
  const from = String(context.command.renameCollection);
  const to = String(context.command.to);
  const [fromDb, ...fromRest] = from.split('.');
  const [toDb, ...toRest] = to.split('.');
  const source = context.engine.collection(fromDb, fromRest.join('.'));
  if (!source)
    throw new MongoCommandError('NamespaceNotFound', `Source collection ${from} does not exist`);
  validateCollectionName(toDb, toRest.join('.'));
  if (context.engine.collection(toDb, toRest.join('.'))) {
    if (context.command.dropTarget !== true)
      throw new MongoCommandError('NamespaceExists', 'target namespace exists');
    context.engine.dropCollection(toDb, toRest.join('.'));
  }
  const target = context.engine.createCollection(toDb, toRest.join('.'), source.options);
  for (const index of source.indexes.values()) target.addIndex(index.spec);
  const ts = context.engine.tick();
  for (const [id, version] of source.liveVersions()) target.write(id, version.doc, ts);
  context.engine.dropCollection(fromDb, fromRest.join('.'));
  context.engine.logCatalogChange({
    op: 'rename',
    db: fromDb,
    coll: fromRest.join('.'),
    to: { db: toDb, coll: toRest.join('.') },
  });
  return { ok: 1 };
}

function dbStats(context: CommandContext): Document {
  const collections = context.engine.collections(context.db);
  const objects = collections.reduce((sum, collection) => sum + collection.size, 0);
  return {
    db: context.db,
    collections: collections.length,
    views: 0,
    objects,
    dataSize: 0,
    storageSize: 0,
    indexes: collections.length,
    ok: 1,
  };
}

function collStats(context: CommandContext): Document {
  const collection = context.engine.collection(context.db, context.collectionName);
  if (!collection)
    throw new MongoCommandError(
      'NamespaceNotFound',
      `Collection [${context.namespace}] not found.`,
    );
  return {
    ns: context.namespace,
    count: collection.size,
    size: 0,
    storageSize: 0,
    nindexes: collection.indexes.size + 1,
    ok: 1,
  };
}

export const adminCommands: CommandTable = {
  listCollections,
  listDatabases,
  create,
  collMod,
  drop,
  dropDatabase,
  renameCollection,
  dbStats,
  collStats,
};
