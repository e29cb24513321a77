import { evalExpr } from 'mingo/core';
import { Lazy, type Iterator } from 'mingo/lazy';
import type { Options } from 'mingo/types';
import { MongoCommandError } from '../../errors';
import { compileFilter } from '../matcher';
import { collationKey } from '../collation';
import { parseSort, sortDocuments } from '../sort';
import { canonicalKey, isPlainObject, setOwnField, type Doc, type Value } from '../values';
import { collationOf } from './engine';

/** `$match` with the emulator's matcher (its `$expr` sees the run's variables). */
function $match(collection: Iterator, filter: Doc, options: Options): Iterator {
  const matcher = compileFilter(filter, {
    collation: collationOf(options),
    expressionOptions: options,
  });
  return collection.filter((doc: Doc) => matcher.test(doc));
}

/** `$sort` with MongoDB's order: cross-type, arrays by their extreme element, collation. */
function $sort(collection: Iterator, spec: Doc, options: Options): Iterator {
  if (!isPlainObject(spec) || Object.keys(spec).length === 0)
    throw new MongoCommandError('SortWithoutKeys', '$sort stage must have at least one sort key');
  const sort = parseSort(spec);
  return collection.transform((docs: Doc[]) =>
    Lazy(sortDocuments(docs, sort, (doc) => doc, collationOf(options))),
  );
}

/** `$group` keyed by MongoDB's value equality (10 and 10.00 are one group), with collation. */
function $group(collection: Iterator, spec: Doc, options: Options): Iterator {
  if (!isPlainObject(spec) || !Object.hasOwn(spec, '_id'))
    throw new MongoCommandError('GroupWithoutId', 'a group specification must include an _id');
  const fields = Object.keys(spec).filter((field) => field !== '_id');
  const collation = collationOf(options);
  return collection.transform((docs: Doc[]) => {
    const groups = new Map<string, { id: Value; members: Doc[] }>();
    for (const doc of docs) {
      const id = evalExpr(doc, spec._id, options) ?? null;
      const key = canonicalKey(collationKey(id, collation));
      const group = groups.get(key);
      if (group) group.members.push(doc);
      else groups.set(key, { id, members: [doc] });
    }
    return Lazy(
      [...groups.values()].map(({ id, members }) => {
        const out: Doc = { _id: id };
        for (const field of fields)
          setOwnField(out, field, evalExpr(members as never, spec[field], options));
        return out;
      }),
    );
  });
}

export const emulatorStages = { $match, $sort, $group };
