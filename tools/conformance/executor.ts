import { FindCursor, MongoClient } from 'mongodb';
import { describe } from './bson-values';
import { EntityMap } from './entities';
import { AssertionFailure, checkExpectedError } from './errors';
import { assertMatches, MatchError } from './matcher';
import { NON_ROOT_RESULTS, runEntityOperation } from './operations';
import { toResultDocument } from './results';
import { Operation } from './schema';
import { EnabledFailPoint, runSpecialOperation } from './special-operations';

/** Everything one test's operations share. */
export class TestState {
  readonly failPoints: EnabledFailPoint[] = [];
  startedTransaction = false;

  constructor(
    readonly entities: EntityMap,
    readonly internalClient: MongoClient,
  ) {}
}

function checkResult(operation: Operation, result: unknown, state: TestState) {
  if (!('expectResult' in operation)) return;
  try {
    assertMatches(operation.expectResult, result, {
      root: !NON_ROOT_RESULTS.has(operation.name),
      entities: state.entities,
    });
  } catch (error) {
    if (!(error instanceof MatchError)) throw error;
    throw new AssertionFailure(`result${error.path.slice(1)}: ${error.detail}`);
  }
}

function saveResult(operation: Operation, result: unknown, state: TestState) {
  const name = operation.saveResultAsEntity;
  if (!name) return;
  if (result === undefined) throw new AssertionFailure(`no result to save as ${name}`);
  if (result instanceof FindCursor) state.entities.set(name, 'cursor', result);
  else state.entities.set(name, 'value', result);
}

/**
 * Runs one operation and evaluates its expectations. With `propagateErrors` (withTransaction
 * callbacks) an operation's own error is rethrown after its assertions pass, so the driver sees it.
 */
export async function executeOperation(
  operation: Operation,
  state: TestState,
  propagateErrors = false,
): Promise<void> {
  if (operation.object === 'testRunner') {
    await runSpecialOperation(operation, state);
    return;
  }
  let result: unknown;
  let error: unknown;
  try {
    result = toResultDocument(
      await runEntityOperation(operation, {
        entities: state.entities,
        runCallbackOperation: (inner) => executeOperation(inner, state, true),
        noteTransactionStarted: () => (state.startedTransaction = true),
      }),
    );
  } catch (caught) {
    error = caught;
  }
  if (!operation.ignoreResultAndError) {
    if (operation.expectError) {
      if (error === undefined)
        throw new AssertionFailure(`expected an error but got ${describe(result)}`);
      checkExpectedError(operation.expectError, error, state.entities);
    } else if (error !== undefined) {
      throw error;
    } else {
      checkResult(operation, result, state);
      saveResult(operation, result, state);
    }
  }
  if (error !== undefined && propagateErrors) throw error;
}
