import { MongoCommandError } from '../errors';

/** Maps mingo's exceptions to the errors MongoDB gives for the same bad input. */
export function translateMingoError(error: unknown): MongoCommandError {
  if (error instanceof MongoCommandError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const unknownOperator = /unknown (?:query )?operator:? '?(\$\w+)'?/i.exec(message);
  if (unknownOperator)
    return new MongoCommandError('BadValue', `unknown operator: ${unknownOperator[1]}`);
  const unknownStage = /unregistered pipeline operator '?(\$\w+)'?/i.exec(message);
  if (unknownStage)
    return new MongoCommandError(40324, `Unrecognized pipeline stage name: '${unknownStage[1]}'`);
  return new MongoCommandError('BadValue', message);
}
