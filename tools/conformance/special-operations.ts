import { ClientSession, MongoClient } from 'mongodb';
import { describe } from './bson-values';
import { EntityMap, TestClient } from './entities';
import { AssertionFailure } from './errors';
import { Document, Operation } from './schema';

/** A fail point turned on during a test, to be turned off afterwards on the same client. */
export interface EnabledFailPoint {
  client: MongoClient;
  name: string;
}

export interface SpecialOperationContext {
  entities: EntityMap;
  internalClient: MongoClient;
  failPoints: EnabledFailPoint[];
}

type SpecialHandler = (args: Document, context: SpecialOperationContext) => Promise<void>;

const TRANSACTION_STATES: Record<string, string[]> = {
  none: ['NO_TRANSACTION'],
  starting: ['STARTING_TRANSACTION'],
  in_progress: ['TRANSACTION_IN_PROGRESS'],
  committed: ['TRANSACTION_COMMITTED', 'TRANSACTION_COMMITTED_EMPTY'],
  aborted: ['TRANSACTION_ABORTED'],
};

function check(condition: boolean, message: string): void {
  if (!condition) throw new AssertionFailure(message);
}

function session(args: Document, context: SpecialOperationContext): ClientSession {
  return context.entities.get(args.session, 'session');
}

async function enableFailPoint(
  client: MongoClient,
  failPoint: Document,
  context: SpecialOperationContext,
) {
  await client.db('admin').command(failPoint);
  context.failPoints.push({ client, name: failPoint.configureFailPoint });
}

function lastTwoLsids(client: TestClient): [Buffer, Buffer] {
  check(client.observesCommandStarted, `client ${client.id} does not observe commandStartedEvent`);
  const started = client.events.filter((observed) => observed.type === 'commandStartedEvent');
  check(started.length >= 2, `fewer than two commands observed on ${client.id}`);
  const lsids = started
    .slice(-2)
    .map((observed) => ('command' in observed.event ? observed.event.command.lsid : undefined));
  check(
    lsids.every((lsid) => lsid?.id),
    'one of the last two commands has no lsid',
  );
  const bytes = lsids.map((lsid) => Buffer.from(lsid.id.buffer));
  return [bytes[0], bytes[1]];
}

async function collectionNames(client: MongoClient, databaseName: string): Promise<string[]> {
  const collections = await client
    .db(databaseName)
    .listCollections({}, { nameOnly: true })
    .toArray();
  return collections.map((collection) => collection.name);
}

async function indexNames(client: MongoClient, args: Document): Promise<string[]> {
  try {
    const indexes = await client
      .db(args.databaseName)
      .collection(args.collectionName)
      .listIndexes()
      .toArray();
    return indexes.map((index) => index.name);
  } catch (error) {
    if ((error as Document).code === 26) return [];
    throw error;
  }
}

const HANDLERS: Record<string, SpecialHandler> = {
  failPoint: (args, context) =>
    enableFailPoint(context.entities.get(args.client, 'client').client, args.failPoint, context),
  targetedFailPoint: async (args, context) => {
    check(session(args, context).isPinned, 'targetedFailPoint needs a session pinned to a mongos');
    const client = context.entities.sessionClient(args.session).client;
    await enableFailPoint(client, args.failPoint, context);
  },
  assertSessionTransactionState: async (args, context) => {
    const { state } = session(args, context).transaction as unknown as { state: string };
    const accepted = TRANSACTION_STATES[args.state];
    check(!!accepted, `unknown transaction state ${args.state}`);
    check(accepted.includes(state), `transaction state should be ${args.state} but is ${state}`);
  },
  assertSessionPinned: async (args, context) =>
    check(session(args, context).isPinned, 'session should be pinned'),
  assertSessionUnpinned: async (args, context) =>
    check(!session(args, context).isPinned, 'session should not be pinned'),
  assertSessionDirty: async (args, context) =>
    check(session(args, context).serverSession?.isDirty === true, 'session should be dirty'),
  assertSessionNotDirty: async (args, context) =>
    check(session(args, context).serverSession?.isDirty !== true, 'session should not be dirty'),
  assertSameLsidOnLastTwoCommands: async (args, context) => {
    const [first, second] = lastTwoLsids(context.entities.get(args.client, 'client'));
    check(first.equals(second), 'the last two commands should use the same lsid');
  },
  assertDifferentLsidOnLastTwoCommands: async (args, context) => {
    const [first, second] = lastTwoLsids(context.entities.get(args.client, 'client'));
    check(!first.equals(second), 'the last two commands should use different lsids');
  },
  assertCollectionExists: async (args, context) => {
    const names = await collectionNames(context.internalClient, args.databaseName);
    check(
      names.includes(args.collectionName),
      `collection ${args.collectionName} should exist; found ${describe(names)}`,
    );
  },
  assertCollectionNotExists: async (args, context) => {
    const names = await collectionNames(context.internalClient, args.databaseName);
    check(
      !names.includes(args.collectionName),
      `collection ${args.collectionName} should not exist`,
    );
  },
  assertIndexExists: async (args, context) => {
    const names = await indexNames(context.internalClient, args);
    check(
      names.includes(args.indexName),
      `index ${args.indexName} should exist; found ${describe(names)}`,
    );
  },
  assertIndexNotExists: async (args, context) => {
    const names = await indexNames(context.internalClient, args);
    check(!names.includes(args.indexName), `index ${args.indexName} should not exist`);
  },
  assertNumberConnectionsCheckedOut: async (args, context) => {
    const client = context.entities.get(args.client, 'client');
    check(
      client.checkedOutConnections === args.connections,
      `${args.connections} connection(s) should be checked out, found ${client.checkedOutConnections}`,
    );
  },
  createEntities: (args, context) => context.entities.create(args.entities),
  wait: (args) => new Promise((resolve) => setTimeout(resolve, args.ms)),
};

/** Runs an operation whose object is `testRunner`. */
export async function runSpecialOperation(
  operation: Operation,
  context: SpecialOperationContext,
): Promise<void> {
  const handler = HANDLERS[operation.name];
  if (!handler) throw new Error(`unsupported testRunner operation ${operation.name}`);
  await handler(operation.arguments ?? {}, context);
}
