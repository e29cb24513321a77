import { Lazy, type Iterator } from 'mingo/lazy';
import type { Options } from 'mingo/types';
import { MongoCommandError } from '../../errors';
import { compileFilter } from '../matcher';
import { parseSort, sortDocuments } from '../sort';
import { isPlainObject, type Doc } from '../values';
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
    throw new MongoCommandError(15976, '$sort stage must have at least one sort key');
  const sort = parseSort(spec);
  return collection.transform((docs: Doc[]) =>
    Lazy(sortDocuments(docs, sort, (doc) => doc, collationOf(options))),
  );
}

export const emulatorStages = { $match, $sort };
