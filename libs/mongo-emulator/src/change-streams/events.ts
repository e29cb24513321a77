import { Binary, Long } from 'bson';
import { createHash } from 'node:crypto';
import type { ClusterClock } from '../cluster-clock';
import { MongoCommandError } from '../errors';
import type { Doc } from '../query/values';
import type { OplogEntry } from '../storage/oplog';
import { encodeToken, type StreamPosition } from './resume-token';
import type { ChangeStreamSpec } from './spec';

/** What a stream watches: one collection, one database, or every database (the cluster). */
export interface StreamScope {
  db?: string;
  coll?: string;
}

const INTERNAL_DATABASES = new Set(['admin', 'config', 'local']);

function visible(db: string, coll: string | undefined): boolean {
  return !INTERNAL_DATABASES.has(db) && !(coll ?? '').startsWith('system.');
}

function watches(scope: StreamScope, db: string, coll?: string): boolean {
  if (!visible(db, coll)) return false;
  if (scope.db !== undefined && scope.db !== db) return false;
  return scope.coll === undefined || scope.coll === coll;
}

/**
 * Whether an oplog entry shows in a stream of `scope` (undefined: it does not), and whether it
 * then ends the stream with an invalidate: for a collection, its drop, a rename from or to it
 * and the drop of its database; for a database, its drop.
 */
export function relevance(
  scope: StreamScope,
  entry: OplogEntry,
): { invalidates: boolean } | undefined {
  switch (entry.op) {
    case 'dropDatabase':
      if (!watches({ db: scope.db }, entry.db)) return undefined;
      return { invalidates: scope.db !== undefined };
    case 'rename': {
      const to = entry.to!;
      const shown = watches(scope, entry.db, entry.coll) || watches(scope, to.db, to.coll);
      return shown ? { invalidates: scope.coll !== undefined } : undefined;
    }
    case 'drop':
      if (!watches(scope, entry.db, entry.coll)) return undefined;
      return { invalidates: scope.coll !== undefined };
    default:
      return watches(scope, entry.db, entry.coll) ? { invalidates: false } : undefined;
  }
}

/** The `uid` MongoDB adds to a session id when no user is authenticated: SHA-256 of "". */
const UNAUTHENTICATED_UID = new Binary(createHash('sha256').update('').digest());

export interface EventSources {
  clock: ClusterClock;
  /** The current committed document of a collection by its `_id` (for `updateLookup`). */
  lookup(db: string, coll: string, id: unknown): Doc | null;
}

function imageRequired(kind: 'post' | 'pre', entry: OplogEntry, token: Doc): MongoCommandError {
  const events = kind === 'post' ? 'update' : 'update, delete and replace';
  return new MongoCommandError(
    'NoMatchingDocument',
    `Change stream was configured to require a ${kind}-image for all ${events} events, but the ${kind}-image was not found for event: ${JSON.stringify(token)} on ${entry.db}.${entry.coll ?? ''}`,
  );
}

function fullDocumentOf(
  entry: OplogEntry,
  spec: ChangeStreamSpec,
  token: Doc,
  sources: EventSources,
) {
  if (entry.op === 'insert' || entry.op === 'replace') return entry.document;
  if (entry.op !== 'update' || spec.fullDocument === 'default') return undefined;
  if (spec.fullDocument === 'updateLookup')
    return sources.lookup(entry.db, entry.coll, entry.documentKey._id);
  if (entry.postImage) return entry.postImage;
  if (spec.fullDocument === 'required') throw imageRequired('post', entry, token);
  return null;
}

function beforeChangeOf(entry: OplogEntry, spec: ChangeStreamSpec, token: Doc) {
  if (spec.fullDocumentBeforeChange === 'off') return undefined;
  if (entry.op !== 'update' && entry.op !== 'replace' && entry.op !== 'delete') return undefined;
  if (entry.preImage) return entry.preImage;
  if (spec.fullDocumentBeforeChange === 'required') throw imageRequired('pre', entry, token);
  return null;
}

/** A change event (or the invalidate after it), with MongoDB 7.0's fields in its order. */
export function renderEvent(
  entry: OplogEntry,
  position: StreamPosition,
  spec: ChangeStreamSpec,
  sources: EventSources,
): Doc {
  const token = encodeToken(position);
  const clusterTime = sources.clock.at(entry.tick);
  if (position.invalidate)
    return { _id: token, operationType: 'invalidate', clusterTime, wallTime: entry.wallTime };
  const event: Doc = {};
  if (entry.op === 'rename') event.to = { ...entry.to };
  if (entry.transaction) {
    event.txnNumber = Long.fromNumber(entry.transaction.txnNumber);
    event.lsid = { id: entry.transaction.lsid.id, uid: UNAUTHENTICATED_UID };
  }
  event._id = token;
  event.operationType = entry.op;
  event.clusterTime = clusterTime;
  event.wallTime = entry.wallTime;
  const fullDocument = fullDocumentOf(entry, spec, token, sources);
  if (fullDocument !== undefined) event.fullDocument = fullDocument;
  event.ns = entry.op === 'dropDatabase' ? { db: entry.db } : { db: entry.db, coll: entry.coll };
  if ('documentKey' in entry) event.documentKey = entry.documentKey;
  if (entry.op === 'update') event.updateDescription = entry.updateDescription;
  const before = beforeChangeOf(entry, spec, token);
  if (before !== undefined) event.fullDocumentBeforeChange = before;
  return event;
}
