import { createServer, type Server, type Socket } from 'node:net';
import type { Document } from 'bson';
import { dispatchCommand } from './commands/dispatch';
import type { ConnectionInfo } from './commands/context';
import { commandTimings, type CommandTiming } from './diagnostics';
import { MongoCommandError } from './errors';
import { numberOf } from './query/values';
import type { EmulatorState } from './state';
import { MessageFramer, OpCode, type RawMessage } from './wire/framing';
import { encodeOpMsg, MsgFlags, parseOpMsg } from './wire/op-msg';
import { encodeOpReply, parseOpQuery } from './wire/op-query';

/** Socket errors that only mean the client went away. */
const PEER_GONE = new Set(['ECONNRESET', 'EPIPE']);

/** One client socket: decodes messages, runs them in arrival order and writes the replies. */
class ClientConnection implements ConnectionInfo {
  readonly id: number;
  appName?: string;
  private readonly framer = new MessageFramer();
  private queue: Promise<void> = Promise.resolve();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly socket: Socket,
    private readonly state: EmulatorState,
  ) {
    this.id = state.nextConnectionId();
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (PEER_GONE.has(error.code ?? '')) this.close();
      else this.closeOnError('socket error', error);
    });
    socket.on('close', () => this.close());
  }

  /** Drops the connection after a fault, reporting it (a client only sees the socket close). */
  private closeOnError(reason: string, error: unknown): void {
    if (this.closed) return;
    this.state.logger.error(`connection ${this.id} closed: ${reason}`, error);
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    let messages: RawMessage[];
    try {
      messages = this.framer.push(chunk);
    } catch (error) {
      this.closeOnError('unreadable message', error);
      return;
    }
    for (const message of messages)
      this.queue = this.queue
        .then(() => this.handle(message))
        .catch((error: unknown) => this.closeOnError('message not handled', error));
  }

  private write(bytes: Buffer): void {
    if (!this.closed) this.socket.write(bytes);
  }

  private async handle(message: RawMessage): Promise<void> {
    if (this.closed) return;
    const { header, body } = message;
    if (header.opCode === OpCode.Query) {
      const { collection, query } = parseOpQuery(body);
      const db = collection.slice(0, collection.indexOf('.'));
      const reply = await dispatchCommand(this.state, this, { ...query, $db: db });
      if (reply) this.write(encodeOpReply(reply, header.requestId));
      return;
    }
    if (header.opCode !== OpCode.Msg) {
      this.closeOnError('unsupported opcode', new Error(`opcode ${header.opCode}`));
      return;
    }
    const started = commandTimings.hasSubscribers ? performance.now() : undefined;
    let parsed: ReturnType<typeof parseOpMsg>;
    try {
      parsed = parseOpMsg(body);
    } catch (error) {
      if (!(error instanceof MongoCommandError)) throw error;
      this.write(encodeOpMsg(error.toReply(), header.requestId).bytes);
      return;
    }
    const { flags, command } = parsed;
    if (
      flags & MsgFlags.exhaustAllowed &&
      command.topologyVersion &&
      command.maxAwaitTimeMS !== undefined
    ) {
      this.streamHello(command, header.requestId);
      return;
    }
    const reply = await dispatchCommand(this.state, this, command);
    if (!reply || flags & MsgFlags.moreToCome) return;
    this.write(encodeOpMsg(reply, header.requestId).bytes);
    if (started !== undefined) {
      const timing: CommandTiming = {
        command: Object.keys(command)[0],
        micros: (performance.now() - started) * 1000,
      };
      commandTimings.publish(timing);
    }
  }

  /** Awaitable hello with exhaust: answers every maxAwaitTimeMS until the socket closes. */
  private streamHello(command: Document, requestId: number): void {
    const interval = Math.max(10, numberOf(command.maxAwaitTimeMS));
    let responseTo = requestId;
    const tick = () => {
      const timer = setTimeout(async () => {
        this.timers.delete(timer);
        if (this.closed) return;
        const reply = await dispatchCommand(this.state, this, {
          ...command,
          maxAwaitTimeMS: undefined,
          topologyVersion: undefined,
        });
        if (!reply) return;
        const encoded = encodeOpMsg(reply, responseTo, MsgFlags.moreToCome);
        responseTo = encoded.requestId;
        this.write(encoded.bytes);
        tick();
      }, interval);
      timer.unref();
      this.timers.add(timer);
    };
    tick();
  }
}

/** The TCP side of the emulator. */
export class WireServer {
  private readonly server: Server;
  private readonly connections = new Set<ClientConnection>();

  constructor(private readonly state: EmulatorState) {
    this.server = createServer((socket) => {
      const connection = new ClientConnection(socket, this.state);
      this.connections.add(connection);
      socket.on('close', () => this.connections.delete(connection));
    });
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        if (!address || typeof address === 'string')
          reject(new MongoCommandError('InternalError', 'no TCP address'));
        else resolve(address.port);
      });
    });
  }

  close(): Promise<void> {
    for (const connection of this.connections) connection.close();
    this.connections.clear();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
