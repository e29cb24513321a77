import type { Document } from 'bson';
import { MongoCommandError } from '../errors';
import { parseCollation, type Collation } from '../query/collation';
import { evaluateLet } from '../query/let';
import type { Doc } from '../query/values';
import type { Session } from '../session/sessions';
import type { Transaction } from '../session/transaction';
import type { EmulatorState } from '../state';
import { CollectionAccess } from '../storage/access';

export interface ConnectionInfo {
  id: number;
  appName?: string;
  /** Drops the client socket (fail point `closeConnection`). */
  close(): void;
}

/** What a command handler sees: the server, the parsed command, its session and transaction. */
export class CommandContext {
  constructor(
    readonly state: EmulatorState,
    readonly connection: ConnectionInfo,
    readonly db: string,
    readonly name: string,
    readonly command: Document,
    readonly session?: Session,
    readonly txn?: Transaction,
  ) {}

  get engine() {
    return this.state.engine;
  }

  /** The collection named by the command's first field (e.g. `{find: "users"}`). */
  get collectionName(): string {
    const value = this.command[this.name];
    if (typeof value !== 'string') {
      throw new MongoCommandError(
        'InvalidNamespace',
        `collection name has invalid type ${value === null ? 'null' : typeof value}`,
      );
    }
    return value;
  }

  get namespace(): string {
    return `${this.db}.${this.collectionName}`;
  }

  private evaluatedLet?: { value: Doc | undefined };

  /** The command's `let` variables, evaluated. */
  get variables(): Doc | undefined {
    if (!this.evaluatedLet) this.evaluatedLet = { value: evaluateLet(this.command.let) };
    return this.evaluatedLet.value;
  }

  /** An operation's collation: its own `collation` option, else the collection's default. */
  collationFor(spec: unknown, access?: CollectionAccess): Collation | undefined {
    return parseCollation(spec === undefined ? access?.collection?.options.collation : spec);
  }

  access(collection = this.collectionName, db = this.db): CollectionAccess {
    return new CollectionAccess(
      this.engine,
      db,
      collection,
      this.txn,
      (owner) => (owner as Transaction).finished,
    );
  }
}
