import { ObjectId } from 'bson';
import { MongoCommandError } from '../errors';
import { assertDocumentSize } from '../limits';
import type { Collation } from '../query/collation';
import { applyUpdate, isReplacement, sameDocument } from '../query/update/apply';
import { describeUpdate, type TouchedPath } from '../query/update/update-description';
import { seedFromFilter } from '../query/upsert';
import { isPlainObject, type Doc, type Value } from '../query/values';
import type { CollectionAccess, DocEntry } from '../storage/access';
import { validateDocument } from '../storage/validation';
import { selectDocuments } from './select';

export interface WriteOptions {
  bypassValidation?: boolean;
  variables?: Doc;
  collation?: Collation;
}

function assertValidId(id: Value): void {
  if (Array.isArray(id))
    throw new MongoCommandError('InvalidIdField', "The '_id' value cannot be of type array");
  if (id instanceof RegExp)
    throw new MongoCommandError('InvalidIdField', "The '_id' value cannot be of type regex");
  if (isPlainObject(id)) {
    for (const key of Object.keys(id)) {
      if (key.startsWith('$'))
        throw new MongoCommandError(
          'DollarPrefixedFieldName',
          `_id fields may not contain '$'-prefixed fields: ${key} is not valid for storage.`,
        );
    }
  }
}

/** Puts `_id` first (generating an ObjectId when absent), as the server stores documents. */
export function withIdFirst(doc: Doc): Doc {
  const id = '_id' in doc ? doc._id : new ObjectId();
  assertValidId(id);
  if (Object.keys(doc)[0] === '_id') return doc;
  const { _id: _ignored, ...rest } = doc;
  return { _id: id, ...rest };
}

export function insertDocument(access: CollectionAccess, doc: Doc, options: WriteOptions): Doc {
  const stored = withIdFirst(doc);
  assertDocumentSize(stored, 'insert');
  validateDocument(access.collection?.options, stored, undefined, options.bypassValidation);
  access.insert(stored);
  return stored;
}

export interface UpdateSpec {
  filter: unknown;
  update: unknown;
  upsert?: boolean;
  multi?: boolean;
  arrayFilters?: unknown;
  sort?: unknown;
  hint?: unknown;
}

export interface UpdateOutcome {
  matched: number;
  modified: number;
  upsertedId?: Value;
  before?: Doc;
  after?: Doc;
}

export interface TargetSpec {
  filter: unknown;
  multi: boolean;
  /** Which document a single write takes first (findAndModify). */
  sort?: unknown;
  hint?: unknown;
}

/** The documents a write statement applies to (the first by `sort` for a single write). */
export function findTargets(
  access: CollectionAccess,
  target: TargetSpec,
  options: WriteOptions,
): DocEntry[] {
  return selectDocuments(access, {
    filter: target.filter,
    limit: target.multi ? 0 : 1,
    sort: target.multi ? undefined : target.sort,
    hint: target.hint,
    variables: options.variables,
    collation: options.collation,
  });
}

/** Applies one update statement; returns counts and, for single updates, before/after. */
export function updateDocuments(
  access: CollectionAccess,
  spec: UpdateSpec,
  options: WriteOptions,
): UpdateOutcome {
  const replacement = isReplacement(spec.update);
  if (replacement && spec.multi)
    throw new MongoCommandError(
      'FailedToParse',
      'multi update is not supported for replacement-style update',
    );
  const updateOptions = {
    arrayFilters: spec.arrayFilters,
    filter: spec.filter,
    variables: options.variables,
    collation: options.collation,
  };
  const targets = findTargets(
    access,
    { filter: spec.filter, multi: spec.multi === true, sort: spec.sort, hint: spec.hint },
    options,
  );
  const changes = targets.map((entry) => {
    const touched: TouchedPath[] = [];
    return {
      entry,
      touched,
      doc: applyUpdate(entry.doc, spec.update, { ...updateOptions, touched }),
    };
  });
  access.assertWritable(targets.map((entry) => entry.id));
  let modified = 0;
  for (const { entry, doc, touched } of changes) {
    if (sameDocument(entry.doc, doc)) continue;
    assertDocumentSize(doc, 'update');
    validateDocument(access.collection?.options, doc, entry.doc, options.bypassValidation);
    access.replace(entry.id, doc, describeUpdate(spec.update, entry.doc, doc, touched));
    modified += 1;
  }
  if (targets.length > 0)
    return {
      matched: targets.length,
      modified,
      before: changes[0].entry.doc,
      after: changes[0].doc,
    };
  if (!spec.upsert) return { matched: 0, modified: 0 };
  const seed = replacement ? pickId(seedFromFilter(spec.filter)) : seedFromFilter(spec.filter);
  const created = withIdFirst(applyUpdate(seed, spec.update, { ...updateOptions, isInsert: true }));
  assertDocumentSize(created, 'upsert');
  validateDocument(access.collection?.options, created, undefined, options.bypassValidation);
  access.insert(created);
  return { matched: 0, modified: 0, upsertedId: created._id, after: created };
}

function pickId(seed: Doc): Doc {
  return '_id' in seed ? { _id: seed._id } : {};
}

export function deleteDocuments(
  access: CollectionAccess,
  target: TargetSpec,
  options: WriteOptions,
): DocEntry[] {
  const targets = findTargets(access, target, options);
  access.assertWritable(targets.map((entry) => entry.id));
  for (const entry of targets) access.remove(entry.id);
  return targets;
}
