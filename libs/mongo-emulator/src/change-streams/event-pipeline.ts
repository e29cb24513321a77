import { MongoCommandError } from '../errors';
import { runPipeline } from '../query/aggregation/engine';
import type { Collation } from '../query/collation';
import { compileFilter } from '../query/matcher';
import { sameDocument } from '../query/update/apply';
import { isPlainObject, type Doc } from '../query/values';

/** The stages after `$changeStream`, over one event: the event they give, or undefined. */
export type EventPipeline = (event: Doc) => Doc | undefined;

export interface EventPipelineOptions {
  collation?: Collation;
  variables?: Doc;
}

/** A fatal change stream error, labelled as MongoDB labels those a driver must not resume. */
export function fatalStreamError(
  code: 'ChangeStreamFatalError' | 'ChangeStreamHistoryLost',
  message: string,
): MongoCommandError {
  return new MongoCommandError(code, message, {}, ['NonResumableChangeStreamError']);
}

/**
 * Compiles the stages (all of them keep or drop one document: `$match`, `$project`, `$set`...).
 * `$match` runs on the stored types with the emulator's matcher; the others run on mingo. An
 * event whose `_id` (its resume token) a stage changed is refused as MongoDB refuses it.
 */
export function compileEventPipeline(stages: Doc[], options: EventPipelineOptions): EventPipeline {
  // A run over no event raises at once what mingo checks before it reads a document (a
  // projection mixing inclusion and exclusion), as MongoDB refuses it when the stream opens.
  runPipeline(stages, [], options);
  const steps = stages.map((stage): EventPipeline => {
    if (isPlainObject(stage.$match)) {
      const matcher = compileFilter(stage.$match, options);
      return (event) => (matcher.test(event) ? event : undefined);
    }
    return (event) => runPipeline([stage], [event], options)[0];
  });
  return (event) => {
    let output: Doc | undefined = event;
    for (const step of steps) if (output) output = step(output);
    if (output && !sameDocument(output._id, event._id))
      throw fatalStreamError(
        'ChangeStreamFatalError',
        'Encountered an event whose _id field, which contains the resume token, was modified by the pipeline. Modifying the _id field of an event makes it impossible to resume the stream from that point. Only transformations that retain the unmodified _id field are allowed.',
      );
    return output;
  };
}
