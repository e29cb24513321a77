import { AddressInfo } from 'node:net';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { io, Socket } from 'socket.io-client';

/** An acknowledgement of the `/support` namespace: the result, or the shared error shape. */
export type Ack<T = any> =
  | { data: T; error?: undefined }
  | {
      data?: undefined;
      error: { code: string; message: string; details?: unknown[]; requestId: string };
    };

const WAIT_MS = 5000;

export function supportUrl(app: NestFastifyApplication): string {
  const { port } = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}/support`;
}

/** A real socket.io client on the `/support` namespace; resolves once connected. */
export async function connectChat(
  app: NestFastifyApplication,
  token: string | undefined,
): Promise<Socket> {
  const socket = openChat(app, token);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

/** A socket that has not connected yet, without reconnection, for handshake specs. */
export function openChat(app: NestFastifyApplication, token: string | undefined): Socket {
  return io(supportUrl(app), {
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
}

/** Emits an event and resolves with its acknowledgement. */
export function ask<T = any>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return socket.timeout(WAIT_MS).emitWithAck(event, payload) as Promise<Ack<T>>;
}

/**
 * The next `event` the socket receives that `matches` (rejects after a few seconds). With a relay
 * between instances a socket may hear an echo of its own message after its acknowledgement, so
 * specs that wait for someone else's message say which.
 */
export function nextEvent<T = any>(
  socket: Socket,
  event: string,
  matches: (payload: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`No matching ${event} event within ${WAIT_MS} ms`));
    }, WAIT_MS);
    const listener = (payload: T) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/**
 * Collects every `event` the socket receives from now on, so a spec can check afterwards that a
 * socket heard nothing it should not.
 */
export function recordEvents(socket: Socket, event: string): unknown[] {
  const received: unknown[] = [];
  socket.on(event, (payload: unknown) => received.push(payload));
  return received;
}
