import { MongoClient, MongoServerError } from 'mongodb';
import { driverDeviationSkip, clientOptionWorkaround } from './driver-deviations';
import { EntityMap } from './entities';
import { AssertionFailure } from './errors';
import { checkExpectedEvents } from './events';
import { executeOperation, TestState } from './executor';
import { LoadedFile } from './loader';
import { assertSameData, MatchError } from './matcher';
import { ServerFacts, skipReason } from './requirements';
import { CollectionData, TestCase, UnifiedTestFile } from './schema';

export type TestStatus = 'passed' | 'failed' | 'skipped';

export interface TestResult {
  description: string;
  status: TestStatus;
  /** Why it was skipped, or where and how it failed. */
  reason?: string;
}

export interface FileResult {
  name: string;
  tests: TestResult[];
}

export interface RunnerEnvironment {
  uri: string;
  internalClient: MongoClient;
  facts: ServerFacts;
  testTimeoutMs: number;
  /** Only tests whose file name or description contains this text run. */
  grep?: string;
}

const MAJORITY = { writeConcern: { w: 'majority' as const } };
const IGNORABLE_KILL_ERRORS = new Set([11601, 13]);

async function prepareCollections(client: MongoClient, initialData: CollectionData[]) {
  for (const data of initialData) {
    const db = client.db(data.databaseName);
    for (const name of [
      data.collectionName,
      `enxcol_.${data.collectionName}.esc`,
      `enxcol_.${data.collectionName}.ecoc`,
    ]) {
      await db.dropCollection(name, MAJORITY);
    }
    if (data.createOptions || data.documents.length === 0) {
      await db.createCollection(data.collectionName, { ...data.createOptions, ...MAJORITY });
    }
    if (data.documents.length > 0) {
      await db.collection(data.collectionName).insertMany(data.documents, MAJORITY);
    }
  }
}

async function checkOutcome(client: MongoClient, outcome: CollectionData[]) {
  for (const data of outcome) {
    const documents = await client
      .db(data.databaseName)
      .collection(data.collectionName)
      .find({}, { sort: { _id: 1 }, readPreference: 'primary', readConcern: { level: 'local' } })
      .toArray();
    try {
      assertSameData(data.documents, documents);
    } catch (error) {
      if (!(error instanceof MatchError)) throw error;
      throw new AssertionFailure(
        `${data.databaseName}.${data.collectionName}${error.path.slice(1)}: ${error.detail}`,
      );
    }
  }
}

export async function killAllSessions(client: MongoClient): Promise<void> {
  try {
    await client.db('admin').command({ killAllSessions: [] });
  } catch (error) {
    if (!(error instanceof MongoServerError && IGNORABLE_KILL_ERRORS.has(Number(error.code))))
      throw error;
  }
}

function unsupportedTestFeature(test: TestCase): string | undefined {
  if (test.expectLogMessages) return 'expectLogMessages is not supported by this runner';
  if (test.expectTracingMessages) return 'expectTracingMessages is not supported by this runner';
  return undefined;
}

function describeFailure(error: unknown, step: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const kind =
    error instanceof AssertionFailure || error instanceof MatchError
      ? ''
      : `unexpected ${error instanceof Error ? error.name : 'error'}: `;
  return `${step}: ${kind}${message}`;
}

async function disableFailPoints(state: TestState) {
  for (const { client, name } of state.failPoints.reverse()) {
    await client.db('admin').command({ configureFailPoint: name, mode: 'off' });
  }
}

async function executeTest(
  file: UnifiedTestFile,
  test: TestCase,
  entities: EntityMap,
  env: RunnerEnvironment,
): Promise<string | undefined> {
  let step = 'initialData';
  const state = new TestState(entities, env.internalClient);
  let failure: string | undefined;
  try {
    await prepareCollections(env.internalClient, file.initialData ?? []);
    step = 'createEntities';
    await entities.create(file.createEntities ?? []);
    entities.startListening();
    for (const [index, operation] of test.operations.entries()) {
      step = `operation ${index} ${operation.object}.${operation.name}`;
      await executeOperation(operation, state);
    }
    entities.stopListening();
    step = 'expectEvents';
    checkExpectedEvents(test.expectEvents ?? [], entities);
    step = 'outcome';
    await checkOutcome(env.internalClient, test.outcome ?? []);
  } catch (error) {
    failure = describeFailure(error, step);
  }
  try {
    entities.stopListening();
    await disableFailPoints(state);
    await entities.close();
    if (state.startedTransaction || failure) await killAllSessions(env.internalClient);
  } catch (error) {
    failure ??= describeFailure(error, 'clean-up');
  }
  return failure;
}

/** Runs the test; past the time limit its clients are closed so that pending operations end. */
async function executeWithTimeout(
  fileName: string,
  file: UnifiedTestFile,
  test: TestCase,
  env: RunnerEnvironment,
) {
  const entities = new EntityMap(env.uri, clientOptionWorkaround(fileName));
  const execution = executeTest(file, test, entities, env);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<true>((resolve) => {
    timer = setTimeout(() => resolve(true), env.testTimeoutMs);
  });
  const first = await Promise.race([execution, timedOut]);
  clearTimeout(timer);
  if (first !== true) return first;
  await entities.close();
  await execution.catch(() => undefined);
  await killAllSessions(env.internalClient).catch(() => undefined);
  return `timed out after ${env.testTimeoutMs} ms`;
}

async function runTest(
  file: LoadedFile,
  test: TestCase,
  env: RunnerEnvironment,
): Promise<TestResult> {
  const description = test.description;
  if (file.loadError) return { description, status: 'failed', reason: file.loadError };
  const content = file.content as UnifiedTestFile;
  const skip =
    (test.skipReason && `skipReason: ${test.skipReason}`) ||
    driverDeviationSkip(file.name, description) ||
    (await skipReason(content.runOnRequirements, env.facts)) ||
    (await skipReason(test.runOnRequirements, env.facts));
  if (skip) return { description, status: 'skipped', reason: skip };
  const unsupported = unsupportedTestFeature(test);
  if (unsupported) return { description, status: 'failed', reason: unsupported };
  const failure = await executeWithTimeout(file.name, content, test, env);
  return failure
    ? { description, status: 'failed', reason: failure }
    : { description, status: 'passed' };
}

export async function runFile(file: LoadedFile, env: RunnerEnvironment): Promise<FileResult> {
  const tests: TestResult[] = [];
  for (const test of file.content?.tests ?? []) {
    const selected =
      !env.grep || file.name.includes(env.grep) || test.description.includes(env.grep);
    if (selected) tests.push(await runTest(file, test, env));
  }
  if (file.loadError && tests.length === 0) {
    tests.push({ description: '(file)', status: 'failed', reason: file.loadError });
  }
  return { name: file.name, tests };
}
