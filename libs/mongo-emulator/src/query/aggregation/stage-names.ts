import { MongoCommandError } from '../../errors';
import { isPlainObject, type Doc, type Value } from '../values';

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

/** The stages 7.0 allows after `$changeStream` (each keeps or drops one event). */
const IN_CHANGE_STREAM = new Set([
  '$addFields',
  '$match',
  '$project',
  '$redact',
  '$replaceRoot',
  '$replaceWith',
  '$set',
  '$unset',
]);

function stageName(stage: Value): string {
  if (!isPlainObject(stage) || Object.keys(stage).length !== 1)
    throw new MongoCommandError(
      'PipelineStageShape',
      'A pipeline stage specification object must contain exactly one field.',
    );
  return Object.keys(stage)[0];
}

function misplacedChangeStreamStage(name: string): MongoCommandError {
  if (name === '$changeStream')
    return new MongoCommandError(
      'ChangeStreamNotFirst',
      '$changeStream is only valid as the first stage in a pipeline',
    );
  return new MongoCommandError(
    'IllegalOperation',
    `${name} can only be used in a $changeStream pipeline`,
  );
}

/**
 * Checks the stages after `$changeStream`: an unknown stage is 40324 as anywhere, a known one
 * that a change stream cannot run is refused with IllegalOperation, as 7.0 does.
 */
export function checkChangeStreamPipeline(stages: Value[]): void {
  for (const stage of stages) {
    const name = stageName(stage);
    if (IN_CHANGE_STREAM.has(name)) continue;
    if (name === '$changeStream') throw misplacedChangeStreamStage(name);
    if (name === '$changeStreamSplitLargeEvent')
      throw new MongoCommandError(
        'NotImplemented',
        `${name} is not supported by this MongoDB emulator`,
      );
    if (!RUNNABLE.has(name) && !NOT_RUNNABLE.has(name))
      throw new MongoCommandError(
        'UnrecognizedPipelineStage',
        `Unrecognized pipeline stage name: '${name}'`,
      );
    throw new MongoCommandError(
      'IllegalOperation',
      `${name} is not permitted in a $changeStream pipeline`,
    );
  }
}

/**
 * Checks every stage of a pipeline (sub-pipelines of `$lookup`, `$unionWith` and `$facet`
 * included) before anything runs, with MongoDB's errors for an unknown stage (40324) or a
 * malformed one (40323); a 7.0 stage the emulator lacks is refused as not implemented.
 */
export function checkPipeline(pipeline: Value): void {
  if (!Array.isArray(pipeline))
    throw new MongoCommandError('TypeMismatch', "'pipeline' option must be specified as an array");
  for (const stage of pipeline) {
    const name = stageName(stage);
    const body = (stage as Doc)[name];
    if (name === '$changeStream' || name === '$changeStreamSplitLargeEvent')
      throw misplacedChangeStreamStage(name);
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
