import type { Iterator } from 'mingo/lazy';
import type { Options } from 'mingo/types';
import { compileFilter } from '../matcher';
import type { Doc } from '../values';
import { collationOf } from './engine';

/** `$match` with the emulator's matcher (its `$expr` sees the run's variables). */
function $match(collection: Iterator, filter: Doc, options: Options): Iterator {
  const matcher = compileFilter(filter, {
    collation: collationOf(options),
    expressionOptions: options,
  });
  return collection.filter((doc: Doc) => matcher.test(doc));
}

export const emulatorStages = { $match };
