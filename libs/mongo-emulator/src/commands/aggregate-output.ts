import { randomUUID } from 'node:crypto';
import { MongoCommandError } from '../errors';
import { assertDocumentSize } from '../limits';
import { runPipeline } from '../query/aggregation/engine';
import {
  describeDiff,
  describeOperators,
  type UpdateDescription,
} from '../query/update/update-description';
import { canonicalKey, isPlainObject, type Doc } from '../query/values';
import type { Engine } from '../storage/engine';
import { insertChange } from '../storage/oplog';
import { indexValuesAt } from '../storage/paths';
import type { CommandContext } from './context';
import { selectDocuments } from './select';
import { withLockWait } from './write-batch';
import { insertDocument, withIdFirst } from './write-ops';

export interface OutputTarget {
  kind: 'out' | 'merge';
  db: string;
  coll: string;
  spec?: Doc;
}

/**
 * `$out`: the target collection's documents become exactly the results (indexes kept). The
 * oplog shows what MongoDB does: the results inserted into a temporary collection, renamed over
 * the target.
 */
export function replaceCollection(
  context: CommandContext,
  target: OutputTarget,
  results: Doc[],
): void {
  const collection = context.engine.ensureCollection(target.db, target.coll);
  const ts = context.engine.tick();
  const documents = results.map(withIdFirst);
  for (const doc of documents) assertDocumentSize(doc, 'insert');
  const previous = [...collection.liveVersions()].map(
    ([id, version]) => [id, version.doc!] as const,
  );
  for (const [id] of previous) collection.write(id, null, ts);
  const written: string[] = [];
  try {
    for (const doc of documents) {
      const id = canonicalKey(doc._id);
      if (collection.latest(id))
        throw new MongoCommandError(
          'DuplicateKey',
          `E11000 duplicate key error collection: ${collection.namespace} index: _id_ dup key`,
        );
      collection.checkUnique(doc, id);
      collection.write(id, doc, ts);
      written.push(id);
    }
  } catch (error) {
    for (const id of written) collection.write(id, null, ts);
    for (const [id, doc] of previous) collection.write(id, doc, ts);
    throw error;
  }
  recordOut(context.engine, target, documents, ts);
}

function recordOut(engine: Engine, target: OutputTarget, documents: Doc[], ts: number): void {
  const temporary = `tmp.agg_out.${randomUUID()}`;
  for (const doc of documents) engine.oplog.append(ts, insertChange(target.db, temporary, doc));
  engine.oplog.append(engine.tick(), {
    op: 'rename',
    db: target.db,
    coll: temporary,
    to: { db: target.db, coll: target.coll },
  });
}

function onFields(spec: Doc): string[] {
  if (spec.on === undefined) return ['_id'];
  return Array.isArray(spec.on) ? spec.on.map(String) : [String(spec.on)];
}

/** `$merge`: matches results to target documents by the `on` fields and applies the actions. */
export async function mergeInto(
  context: CommandContext,
  target: OutputTarget,
  results: Doc[],
): Promise<void> {
  const spec = target.spec ?? {};
  const on = onFields(spec);
  const whenMatched = spec.whenMatched ?? 'merge';
  const whenNotMatched = spec.whenNotMatched ?? 'insert';
  const access = context.access(target.coll, target.db);
  for (const result of results) {
    const filter = Object.fromEntries(
      on.map((field) => [field, indexValuesAt(result, field)[0] ?? null]),
    );
    const existing = selectDocuments(access, { filter }).find((entry) =>
      on.every(
        (field) => canonicalKey(indexValuesAt(entry.doc, field)[0]) === canonicalKey(filter[field]),
      ),
    );
    await withLockWait(() => {
      if (!existing) {
        if (whenNotMatched === 'fail')
          throw new MongoCommandError(
            'MergeStageNoMatchingDocument',
            'Found document not matching the given merge criteria',
          );
        if (whenNotMatched === 'insert') insertDocument(access, result, {});
        return;
      }
      if (whenMatched === 'keepExisting') return;
      if (whenMatched === 'fail')
        throw new MongoCommandError(
          'DuplicateKey',
          'E11000 duplicate key error: $merge found a matching document',
        );
      let merged: Doc;
      let describe: (replacement: Doc) => UpdateDescription | undefined = () => undefined;
      if (whenMatched === 'replace') merged = { ...result, _id: existing.doc._id };
      else if (Array.isArray(whenMatched)) {
        const variables = { new: result, ...(isPlainObject(spec.let) ? spec.let : {}) };
        [merged] = runPipeline(whenMatched as Doc[], [existing.doc], { variables });
        describe = (replacement) => describeDiff(existing.doc, replacement);
      } else {
        merged = { ...existing.doc, ...result, _id: existing.doc._id };
        const touched = Object.keys(result).map((field) => ({ operator: '$set', parts: [field] }));
        describe = (replacement) => describeOperators(existing.doc, replacement, touched);
      }
      const replacement = withIdFirst(merged);
      assertDocumentSize(replacement, 'update');
      access.replace(existing.id, replacement, describe(replacement));
    });
  }
}
