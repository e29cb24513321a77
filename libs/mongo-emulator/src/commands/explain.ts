import type { Document } from 'bson';
import { MongoCommandError } from '../errors';
import { isPlainObject } from '../query/values';
import { CommandContext } from './context';
import { explainers } from './explain-commands';
import { GENERIC_FIELDS } from './generic';
import { SERVER_VERSION } from './handshake';
import { assertKnownCommandFields } from './known-fields';
import type { CommandTable } from './types';

const VERBOSITIES = new Set(['queryPlanner', 'executionStats', 'allPlansExecution']);

/** The query knobs MongoDB 7.0 lists in every explain (at their defaults). */
const SERVER_PARAMETERS = {
  internalQueryFacetBufferSizeBytes: 104857600,
  internalQueryFacetMaxOutputDocSizeBytes: 104857600,
  internalLookupStageIntermediateDocumentMaxSizeBytes: 104857600,
  internalDocumentSourceGroupMaxMemoryBytes: 104857600,
  internalQueryMaxBlockingSortMemoryUsageBytes: 104857600,
  internalQueryProhibitBlockingMergeOnMongoS: 0,
  internalQueryMaxAddToSetBytes: 104857600,
  internalDocumentSourceSetWindowFieldsMaxMemoryBytes: 104857600,
  internalQueryFrameworkControl: 'trySbeRestricted',
};

/**
 * Refuses what 7.0's explain refuses: fields beside `explain`, `verbosity` and the generic
 * ones, and fields the explained command's own definition does not have.
 */
function assertKnownFields(command: Document, inner: Document, name: string): void {
  for (const field of Object.keys(command)) {
    if (field === 'explain' || field === 'verbosity' || GENERIC_FIELDS.has(field)) continue;
    throw new MongoCommandError(
      'UnknownField',
      `BSON field 'explain.${field}' is an unknown field.`,
    );
  }
  assertKnownCommandFields(name, inner);
}

/**
 * `explain`: plans the wrapped command exactly as running it would and reports that plan
 * (`queryPlanner`); with `executionStats`/`allPlansExecution` it also runs the read part
 * (writes are not applied) and reports what it examined and returned.
 */
function explain(context: CommandContext): Document {
  const inner = context.command.explain;
  if (!isPlainObject(inner))
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'explain' is the wrong type, expected type 'object'",
    );
  const verbosity = context.command.verbosity ?? 'allPlansExecution';
  if (typeof verbosity !== 'string' || !VERBOSITIES.has(verbosity))
    throw new MongoCommandError(
      'BadValue',
      "verbosity string must be one of {'queryPlanner', 'executionStats', 'allPlansExecution'}",
    );
  const name = Object.keys(inner)[0];
  const explainer = explainers[name];
  if (!explainer)
    throw new MongoCommandError(
      'CommandNotFound',
      `Explain failed due to unknown command: ${name}`,
    );
  assertKnownFields(context.command, inner, name);
  const target = new CommandContext(
    context.state,
    context.connection,
    context.db,
    name,
    inner,
    context.session,
  );
  const body = explainer(target, verbosity !== 'queryPlanner');
  if (body.executionStats && verbosity === 'allPlansExecution')
    body.executionStats.allPlansExecution = [];
  const { host, port } = context.state.identity;
  return {
    explainVersion: '1',
    ...body,
    command: { ...inner, $db: context.db },
    serverInfo: { host, port, version: SERVER_VERSION, gitVersion: '0'.repeat(40) },
    serverParameters: SERVER_PARAMETERS,
    ok: 1,
  };
}

export const explainCommands: CommandTable = { explain };
