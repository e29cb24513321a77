import type { Document } from 'bson';
import { MongoCommandError } from '../errors';
import { collationDocument, parseCollation } from '../query/collation';
import { canonicalKey, formatValue, isPlainObject, sameCanonical, type Doc } from '../query/values';
import { ID_INDEX_NAME, type Collection } from '../storage/collection';
import { defaultIndexName, type IndexSpec } from '../storage/index';
import { isTextIndexKey, normalizeTextIndexSpec } from '../text/text-index-spec';
import type { CommandContext } from './context';
import { cursorReply } from './generic';
import type { CommandTable } from './types';

const OPTION_FIELDS_IGNORED = new Set(['key', 'name', 'v', 'ns', 'background']);

/**
 * The index's collation as listIndexes shows it: its own (in full), else the collection's
 * default; none for `{locale: "simple"}`.
 */
function withCollation(spec: IndexSpec, collectionDefault: unknown): IndexSpec {
  if (isTextIndexKey(spec.key)) return normalizeTextIndexSpec(spec);
  const own = spec.collation !== undefined;
  const collation = parseCollation(own ? spec.collation : collectionDefault);
  const { collation: _given, ...rest } = spec;
  return collation ? { ...rest, collation: collationDocument(collation) } : rest;
}

function toSpec(raw: unknown): IndexSpec {
  if (!isPlainObject(raw) || !isPlainObject(raw.key))
    throw new MongoCommandError(
      'TypeMismatch',
      "The 'key' field is a required property of an index specification",
    );
  if (Object.keys(raw.key).length === 0)
    throw new MongoCommandError('CannotCreateIndex', 'Index keys cannot be empty.');
  const name = typeof raw.name === 'string' ? raw.name : defaultIndexName(raw.key);
  const spec: IndexSpec = { v: 2, key: raw.key, name };
  for (const [option, value] of Object.entries(raw))
    if (!OPTION_FIELDS_IGNORED.has(option)) spec[option] = value;
  if (spec.partialFilterExpression !== undefined && !isPlainObject(spec.partialFilterExpression)) {
    throw new MongoCommandError('TypeMismatch', 'partialFilterExpression must be an object');
  }
  return spec;
}

function optionsOf(spec: IndexSpec): string {
  const options: Doc = {};
  for (const [option, value] of Object.entries(spec))
    if (!OPTION_FIELDS_IGNORED.has(option)) options[option] = value;
  return canonicalKey(
    Object.fromEntries(Object.entries(options).sort(([a], [b]) => (a < b ? -1 : 1))),
  );
}

function describe(spec: IndexSpec): string {
  return formatValue({ ...spec } as Doc);
}

/**
 * A second text index: MongoDB finds the existing one by its key (every text index has the same)
 * and refuses the new one as an equivalent index with other options, or, when options that
 * identify an index differ too, as one text index too many.
 */
function conflictingTextIndex(collection: Collection | undefined, spec: IndexSpec): void {
  if (!isTextIndexKey(spec.key)) return;
  const existing = [...(collection?.indexes.values() ?? [])].find((index) => index.text);
  if (!existing || existing.name === spec.name) return;
  if (optionsOf(existing.spec) === optionsOf(spec))
    throw new MongoCommandError(
      'IndexOptionsConflict',
      `Index already exists with a different name: ${existing.name}`,
    );
  if (identifyingOptionsOf(existing.spec) === identifyingOptionsOf(spec))
    throw new MongoCommandError(
      'IndexOptionsConflict',
      `An equivalent index already exists with a different name and options. Requested index: ${describe(spec)}, existing index: ${describe(existing.spec)}`,
    );
  throw new MongoCommandError(
    'CannotCreateIndex',
    `only one text index per collection allowed, found existing text index "${existing.name}"`,
  );
}

/** The options that tell two indexes on one key apart (the rest may differ in an equivalent). */
function identifyingOptionsOf(spec: IndexSpec): string {
  return canonicalKey({
    unique: spec.unique === true,
    sparse: spec.sparse === true,
    partialFilterExpression: spec.partialFilterExpression ?? null,
    collation: spec.collation ?? null,
  });
}

/** Returns true when an identical index already exists; throws on a conflicting one. */
function alreadyExists(collection: Collection | undefined, spec: IndexSpec): boolean {
  conflictingTextIndex(collection, spec);
  if (sameCanonical(spec.key, { _id: 1 }) && (spec.name === ID_INDEX_NAME || !spec.unique))
    return true;
  for (const index of collection?.indexes.values() ?? []) {
    const sameKey = sameCanonical(index.spec.key, spec.key);
    if (index.name === spec.name) {
      if (!sameKey) {
        throw new MongoCommandError(
          'IndexKeySpecsConflict',
          `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${describe(spec)}, existing index: ${describe(index.spec)}`,
        );
      }
      if (optionsOf(index.spec) !== optionsOf(spec)) {
        throw new MongoCommandError(
          'IndexOptionsConflict',
          `An existing index has the same name as the requested index. Requested index: ${describe(spec)}, existing index: ${describe(index.spec)}`,
        );
      }
      return true;
    }
    if (sameKey && optionsOf(index.spec) === optionsOf(spec)) {
      throw new MongoCommandError(
        'IndexOptionsConflict',
        `Index already exists with a different name: ${index.name}`,
      );
    }
  }
  return false;
}

function createIndexes(context: CommandContext): Document {
  const rawSpecs = context.command.indexes;
  if (!Array.isArray(rawSpecs) || rawSpecs.length === 0)
    throw new MongoCommandError('BadValue', 'Must specify at least one index to create');
  const existing = context.engine.collection(context.db, context.collectionName);
  const specs = rawSpecs.map((raw) => withCollation(toSpec(raw), existing?.options.collation));
  const numIndexesBefore = existing ? existing.indexes.size + 1 : 1;
  const toCreate = specs.filter((spec) => !alreadyExists(existing, spec));
  if (toCreate.length === 0)
    return {
      numIndexesBefore,
      numIndexesAfter: numIndexesBefore,
      note: 'all indexes already exist',
      ok: 1,
    };
  const collection =
    existing ?? context.engine.createCollection(context.db, context.collectionName, {});
  for (const spec of toCreate) {
    conflictingTextIndex(collection, spec);
    collection.addIndex(spec);
  }
  return {
    numIndexesBefore,
    numIndexesAfter: collection.indexes.size + 1,
    createdCollectionAutomatically: !existing,
    ok: 1,
  };
}

function listIndexes(context: CommandContext): Document {
  const collection = context.engine.collection(context.db, context.collectionName);
  if (!collection)
    throw new MongoCommandError('NamespaceNotFound', `ns does not exist: ${context.namespace}`);
  const specs = [
    collection.idIndexSpec,
    ...[...collection.indexes.values()].map((index) => index.spec),
  ];
  return cursorReply(context.namespace, specs as unknown as Doc[]);
}

function dropIndexes(context: CommandContext): Document {
  const collection = context.engine.collection(context.db, context.collectionName);
  if (!collection)
    throw new MongoCommandError('NamespaceNotFound', `ns not found ${context.namespace}`);
  const nIndexesWas = collection.indexes.size + 1;
  const target = context.command.index;
  if (target === '*') {
    collection.indexes.clear();
    return { nIndexesWas, msg: 'non-_id indexes dropped for collection', ok: 1 };
  }
  const names = Array.isArray(target) ? target : [target];
  for (const name of names) {
    const index = isPlainObject(name)
      ? [...collection.indexes.values()].find((candidate) =>
          sameCanonical(candidate.spec.key, name),
        )
      : collection.indexes.get(String(name));
    if (name === ID_INDEX_NAME || (isPlainObject(name) && sameCanonical(name, { _id: 1 })))
      throw new MongoCommandError('InvalidOptions', 'cannot drop _id index');
    if (!index) {
      throw new MongoCommandError(
        'IndexNotFound',
        isPlainObject(name)
          ? `can't find index with key: ${formatValue(name)}`
          : `index not found with name [${String(name)}]`,
      );
    }
    collection.indexes.delete(index.name);
  }
  return { nIndexesWas, ok: 1 };
}

export const indexCommands: CommandTable = {
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
};
