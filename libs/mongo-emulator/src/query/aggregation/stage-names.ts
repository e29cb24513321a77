import { MongoCommandError } from '../../errors';
import { isPlainObject, type Value } from '../values';

/** Stages the emulator runs (mingo's, with the emulator's `$match`, `$sort`, `$group`). */
const RUNNABLE = new Set([
  '$addFields',
  '$bucket',
  '$bucketAuto',
  '$count',
  '$densify',
  '$documents',
  '$facet',
  '$fill',
  '$graphLookup',
  '$group',
  '$limit',
  '$lookup',
  '$match',
  '$merge',
  '$out',
  '$project',
  '$redact',
  '$replaceRoot',
  '$replaceWith',
  '$sample',
  '$set',
  '$setWindowFields',
  '$skip',
  '$sort',
  '$sortByCount',
  '$unionWith',
  '$unset',
  '$unwind',
]);

/** Stages MongoDB 7.0 has that the emulator does not run. */
const NOT_RUNNABLE = new Set([
  '$changeStream',
  '$changeStreamSplitLargeEvent',
  '$collStats',
  '$currentOp',
  '$geoNear',
  '$indexStats',
  '$listLocalSessions',
  '$listSearchIndexes',
  '$listSessions',
  '$planCacheStats',
  '$search',
  '$searchMeta',
  '$shardedDataDistribution',
  '$vectorSearch',
]);

/**
 * Checks every stage of a pipeline (sub-pipelines of `$lookup`, `$unionWith` and `$facet`
 * included) before anything runs, with MongoDB's errors for an unknown stage (40324) or a
 * malformed one (40323); a 7.0 stage the emulator lacks is refused as not implemented.
 */
export function checkPipeline(pipeline: Value): void {
  if (!Array.isArray(pipeline))
    throw new MongoCommandError('TypeMismatch', "'pipeline' option must be specified as an array");
  for (const stage of pipeline) {
    if (!isPlainObject(stage) || Object.keys(stage).length !== 1)
      throw new MongoCommandError(
        'PipelineStageShape',
        'A pipeline stage specification object must contain exactly one field.',
      );
    const [name] = Object.keys(stage);
    const body = stage[name];
    if (NOT_RUNNABLE.has(name))
      throw new MongoCommandError(
        'NotImplemented',
        `${name} is not supported by this MongoDB emulator`,
      );
    if (!RUNNABLE.has(name))
      throw new MongoCommandError(
        'UnrecognizedPipelineStage',
        `Unrecognized pipeline stage name: '${name}'`,
      );
    if ((name === '$lookup' || name === '$unionWith') && isPlainObject(body) && body.pipeline)
      checkPipeline(body.pipeline);
    if (name === '$facet' && isPlainObject(body))
      for (const facet of Object.values(body)) checkPipeline(facet);
  }
}
