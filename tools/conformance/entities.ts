import {
  ClientSession,
  Collection,
  CommandFailedEvent,
  CommandStartedEvent,
  CommandSucceededEvent,
  Db,
  FindCursor,
  MongoClient,
  MongoClientOptions,
  ServerApi,
} from 'mongodb';
import { MatchEntities } from './matcher';
import { toDriverOptions } from './options';
import { ClientEntity, Document, EntityDescription } from './schema';

export type ObservedEventType =
  'commandStartedEvent' | 'commandSucceededEvent' | 'commandFailedEvent';

export interface ObservedEvent {
  type: ObservedEventType;
  event: CommandStartedEvent | CommandSucceededEvent | CommandFailedEvent;
}

/** Commands whose events carry secrets; they are never observed (observeSensitiveCommands aside). */
const SENSITIVE_COMMANDS = new Set([
  'authenticate',
  'saslstart',
  'saslcontinue',
  'getnonce',
  'createuser',
  'updateuser',
  'copydbgetnonce',
  'copydbsaslstart',
  'copydb',
]);
const MONITORED_EVENTS: Record<string, ObservedEventType> = {
  commandStarted: 'commandStartedEvent',
  commandSucceeded: 'commandSucceededEvent',
  commandFailed: 'commandFailedEvent',
};

/** A client entity with the command events it observed while the test ran. */
export class TestClient {
  readonly events: ObservedEvent[] = [];
  checkedOutConnections = 0;
  private listening = false;

  constructor(
    readonly id: string,
    readonly client: MongoClient,
    private readonly description: ClientEntity,
  ) {
    const ignored = new Set(
      [...(description.ignoreCommandMonitoringEvents ?? []), 'configureFailPoint'].map((name) =>
        name.toLowerCase(),
      ),
    );
    const observed = new Set(description.observeEvents ?? []);
    for (const [driverEvent, type] of Object.entries(MONITORED_EVENTS)) {
      if (!observed.has(type)) continue;
      client.on(driverEvent as 'commandStarted', (event: ObservedEvent['event']) => {
        if (
          this.listening &&
          !ignored.has(event.commandName.toLowerCase()) &&
          !this.isSensitive(event)
        ) {
          this.events.push({ type, event });
        }
      });
    }
    client.on('connectionCheckedOut', () => (this.checkedOutConnections += 1));
    client.on('connectionCheckedIn', () => (this.checkedOutConnections -= 1));
  }

  get observesCommandStarted(): boolean {
    return (this.description.observeEvents ?? []).includes('commandStartedEvent');
  }

  startListening(): void {
    this.listening = true;
  }

  stopListening(): void {
    this.listening = false;
  }

  private isSensitive(event: ObservedEvent['event']): boolean {
    if (this.description.observeSensitiveCommands) return false;
    const name = event.commandName.toLowerCase();
    if (SENSITIVE_COMMANDS.has(name)) return true;
    const redacted = 'command' in event && Object.keys(event.command).length === 0;
    return (name === 'hello' || name === 'ismaster') && redacted;
  }
}

export interface EntityTypes {
  client: TestClient;
  database: Db;
  collection: Collection<Document>;
  session: ClientSession;
  cursor: FindCursor<Document>;
  value: unknown;
}
export type EntityKind = keyof EntityTypes;

/** The per-test entity map: unique names, typed lookups, and clean-up at the end of the test. */
export class EntityMap implements MatchEntities {
  private readonly entries = new Map<string, { kind: EntityKind; value: unknown }>();
  private readonly clientOfSession = new Map<string, TestClient>();
  private listening = false;

  constructor(
    private readonly uri: string,
    private readonly extraClientOptions: MongoClientOptions = {},
  ) {}

  set<K extends EntityKind>(id: string, kind: K, value: EntityTypes[K]): void {
    if (this.entries.has(id)) throw new Error(`entity ${id} is already defined`);
    this.entries.set(id, { kind, value });
  }

  get<K extends EntityKind>(id: string, kind: K): EntityTypes[K] {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`entity ${id} is not defined`);
    if (entry.kind !== kind) throw new Error(`entity ${id} is a ${entry.kind}, not a ${kind}`);
    return entry.value as EntityTypes[K];
  }

  /** Starts recording events on every client, including clients created later in the test. */
  startListening(): void {
    this.listening = true;
    this.clients().forEach((client) => client.startListening());
  }

  stopListening(): void {
    this.listening = false;
    this.clients().forEach((client) => client.stopListening());
  }

  /** The client entity a session entity was started from. */
  sessionClient(sessionId: string): TestClient {
    this.get(sessionId, 'session');
    return this.clientOfSession.get(sessionId) as TestClient;
  }

  kindOf(id: string): EntityKind | undefined {
    return this.entries.get(id)?.kind;
  }

  clients(): TestClient[] {
    return [...this.entries.values()]
      .filter((entry) => entry.kind === 'client')
      .map((entry) => entry.value as TestClient);
  }

  sessionLsid(name: string): unknown {
    return this.get(name, 'session').id;
  }

  entityValue(name: string): unknown {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`entity ${name} is not defined`);
    return entry.value;
  }

  async create(descriptions: EntityDescription[]): Promise<void> {
    for (const description of descriptions) await this.createOne(description);
  }

  private async createOne(description: EntityDescription): Promise<void> {
    const kinds = Object.keys(description);
    if (kinds.length !== 1)
      throw new Error(`an entity needs exactly one type, got ${kinds.join(', ')}`);
    const { client, database, collection, session } = description;
    if (client) {
      this.set(client.id, 'client', await this.createClient(client));
    } else if (database) {
      const parent = this.get(database.client, 'client').client;
      const options = toDriverOptions(database.databaseOptions ?? {});
      this.set(database.id, 'database', parent.db(database.databaseName, options));
    } else if (collection) {
      const db = this.get(collection.database, 'database');
      const options = toDriverOptions(collection.collectionOptions ?? {});
      this.set(collection.id, 'collection', db.collection(collection.collectionName, options));
    } else if (session) {
      const parent = this.get(session.client, 'client');
      const options = toDriverOptions(session.sessionOptions ?? {});
      this.set(session.id, 'session', parent.client.startSession(options));
      this.clientOfSession.set(session.id, parent);
    } else {
      throw new Error(`unsupported entity type ${kinds[0]}`);
    }
  }

  private async createClient(description: ClientEntity): Promise<TestClient> {
    const unsupported = [
      'observeLogMessages',
      'autoEncryptOpts',
      'storeEventsAsEntities',
      'observeTracingMessages',
    ].filter((option) => option in description);
    if (unsupported.length > 0)
      throw new Error(`unsupported client option(s): ${unsupported.join(', ')}`);
    const options: MongoClientOptions = {
      monitorCommands: true,
      serverSelectionTimeoutMS: 10_000,
      ...this.extraClientOptions,
      ...(description.uriOptions ?? {}),
    };
    if (description.serverApi) options.serverApi = description.serverApi as ServerApi;
    const client = new TestClient(description.id, new MongoClient(this.uri, options), description);
    await client.client.connect();
    if (this.listening) client.startListening();
    return client;
  }

  /** Ends sessions, closes cursors and clients. */
  async close(): Promise<void> {
    const values = [...this.entries.values()];
    for (const { kind, value } of values) {
      if (kind === 'session') await (value as ClientSession).endSession().catch(() => undefined);
      if (kind === 'cursor') await (value as FindCursor).close().catch(() => undefined);
    }
    for (const { kind, value } of values) {
      if (kind === 'client') await (value as TestClient).client.close(true).catch(() => undefined);
    }
    this.entries.clear();
    this.clientOfSession.clear();
  }
}
