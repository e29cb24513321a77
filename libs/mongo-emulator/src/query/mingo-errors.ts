import { MingoError } from 'mingo/util';
import { MongoCommandError } from '../errors';

/**
 * Maps mingo's exceptions (bad input to an aggregation expression or stage) to the errors
 * MongoDB gives for the same input. Anything else thrown inside mingo is left as it is: a fault
 * of the emulator, reported as such.
 */
export function translateMingoError(error: unknown): unknown {
  if (!(error instanceof MingoError)) return error;
  const unknownOperator = /unknown (?:query )?operator:? '?(\$\w+)'?/i.exec(error.message);
  if (unknownOperator)
    return new MongoCommandError('BadValue', `unknown operator: ${unknownOperator[1]}`);
  const unregistered = /(?:accumulator|operator) '?(\$\w+)'? is not registered/i.exec(
    error.message,
  );
  if (unregistered)
    return new MongoCommandError(
      'InvalidPipelineOperator',
      `Unrecognized expression '${unregistered[1]}'`,
    );
  return new MongoCommandError('BadValue', error.message);
}
