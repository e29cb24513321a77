import { MongoCommandError } from '../errors';
import { isPlainObject, numberOf, sameCanonical, type Doc } from '../query/values';
import type { CollectionAccess, DocEntry } from '../storage/access';
import { ID_INDEX_NAME } from '../storage/collection';

/**
 * A `hint`, honoured as MongoDB would: the named index must exist and not be hidden (else
 * BadValue), a sparse or partial index yields only the documents it holds, `{$natural: -1}`
 * reads backwards.
 */
export interface HintPlan {
  holds?: (doc: Doc) => boolean;
  backwards: boolean;
}

export function planHint(access: CollectionAccess, hint: unknown): HintPlan | undefined {
  if (hint === undefined || hint === null || hint === '') return undefined;
  if (typeof hint !== 'string' && !isPlainObject(hint))
    throw new MongoCommandError('FailedToParse', 'hint must be a string or an object');
  if (isPlainObject(hint) && Object.keys(hint).length === 0) return undefined;
  const collection = access.collection;
  if (!collection) return undefined;
  if (isPlainObject(hint) && '$natural' in hint) return { backwards: numberOf(hint.$natural) < 0 };
  if (hint === ID_INDEX_NAME || sameCanonical(hint, { _id: 1 })) return { backwards: false };
  const index = [...collection.indexes.values()].find(
    (candidate) =>
      candidate.spec.hidden !== true &&
      (typeof hint === 'string'
        ? candidate.name === hint
        : sameCanonical(candidate.spec.key, hint)),
  );
  if (!index)
    throw new MongoCommandError(
      'BadValue',
      'hint provided does not correspond to an existing index',
    );
  return { holds: (doc) => index.covers(doc), backwards: false };
}

/** The entries a hinted plan reads, in its order. */
export function hintedEntries(
  entries: Iterable<DocEntry>,
  plan: HintPlan | undefined,
): Iterable<DocEntry> {
  if (!plan) return entries;
  const kept = plan.holds ? [...entries].filter((entry) => plan.holds!(entry.doc)) : [...entries];
  return plan.backwards ? kept.reverse() : kept;
}
