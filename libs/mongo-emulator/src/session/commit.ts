import type { Doc } from '../query/values';
import { writeConflict } from '../storage/access';
import type { Collection } from '../storage/collection';
import type { Engine } from '../storage/engine';
import type { Transaction } from './transaction';

interface AppliedWrite {
  collection: Collection;
  id: string;
  doc: Doc | null;
  previous: Doc | null;
}

/**
 * Applies a transaction's buffered writes atomically with one clock tick. Unique indexes are
 * checked once every write is in place, so only the end state counts (as on MongoDB, a key may
 * move between documents within the transaction); on a violation everything is undone. Once
 * applied, the transaction's writes enter the oplog in order, at that tick.
 */
export function commitTransaction(engine: Engine, txn: Transaction): void {
  const ts = engine.tick();
  const applied: AppliedWrite[] = [];
  try {
    for (const [namespace, writes] of txn.writes) {
      const dot = namespace.indexOf('.');
      const collection = engine.ensureCollection(namespace.slice(0, dot), namespace.slice(dot + 1));
      for (const [id, doc] of writes) {
        const previous = collection.latest(id) ?? null;
        if (previous && !collection.at(id, txn.snapshotTs)) throw writeConflict();
        if (!doc && !previous) continue;
        collection.write(id, doc, ts);
        applied.push({ collection, id, doc, previous });
      }
    }
    for (const { collection, id, doc } of applied) if (doc) collection.checkUnique(doc, id);
    const transaction = { lsid: txn.lsid, txnNumber: txn.txnNumber };
    for (const change of txn.changes) engine.oplog.append(ts, change, transaction);
  } catch (error) {
    for (const { collection, id, previous } of applied.reverse())
      collection.write(id, previous, ts);
    txn.finish('aborted');
    throw error;
  }
  txn.finish('committed');
}
