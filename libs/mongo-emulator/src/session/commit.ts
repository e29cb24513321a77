import type { Doc } from '../query/values';
import { writeConflict } from '../storage/access';
import type { Collection } from '../storage/collection';
import type { Engine } from '../storage/engine';
import type { Transaction } from './transaction';

/**
 * Applies a transaction's buffered writes atomically with one clock tick: unique indexes are
 * checked against the latest state and, on a violation, everything applied so far is undone.
 */
export function commitTransaction(engine: Engine, txn: Transaction): void {
  const ts = engine.tick();
  const applied: Array<{ collection: Collection; id: string; previous: Doc | null }> = [];
  try {
    for (const [namespace, writes] of txn.writes) {
      const dot = namespace.indexOf('.');
      const collection = engine.ensureCollection(namespace.slice(0, dot), namespace.slice(dot + 1));
      for (const [id, doc] of writes) {
        const previous = collection.latest(id) ?? null;
        if (previous && !collection.at(id, txn.snapshotTs)) throw writeConflict();
        if (doc) collection.checkUnique(doc, id);
        if (!doc && !previous) continue;
        collection.write(id, doc, ts);
        applied.push({ collection, id, previous });
      }
    }
  } catch (error) {
    for (const { collection, id, previous } of applied.reverse())
      collection.write(id, previous, ts);
    txn.finish('aborted');
    throw error;
  }
  txn.finish('committed');
}
