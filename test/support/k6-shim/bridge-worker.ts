import { MessagePort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import { BridgeReply, BridgeRequest, SocketEvent } from './bridge-protocol';

/**
 * The asynchronous half of {@link SyncBridge}: runs in a worker thread, does each request with
 * Node's `fetch` or a `ws` WebSocket, posts the reply on the port, then wakes the blocked caller
 * through the shared signal.
 */
const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

let socket: WebSocket | null = null;
const events: SocketEvent[] = [];
let eventArrived: (() => void) | null = null;

function reply(message: BridgeReply): void {
  port.postMessage(message);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

function queue(event: SocketEvent): void {
  events.push(event);
  eventArrived?.();
}

async function fetchOnce(request: Extract<BridgeRequest, { kind: 'http' }>): Promise<BridgeReply> {
  let body: string | FormData | undefined;
  if (typeof request.body === 'string') body = request.body;
  if (request.multipart) {
    body = new FormData();
    for (const part of request.multipart) {
      if (part.file) {
        body.append(
          part.name,
          new Blob([part.file.data], { type: part.file.contentType }),
          part.file.filename,
        );
      } else {
        body.append(part.name, part.value ?? '');
      }
    }
  }
  const startedAt = performance.now();
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body,
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    kind: 'http',
    status: response.status,
    headers: [...response.headers.entries()],
    body: bytes,
    durationMs: performance.now() - startedAt,
  };
}

function openSocket(url: string, headers: Record<string, string>): Promise<BridgeReply> {
  events.length = 0;
  const opening = new WebSocket(url, { headers });
  socket = opening;
  opening.on('message', (data, isBinary) => {
    if (!isBinary) queue({ type: 'message', data: data.toString() });
  });
  opening.on('close', (code) => queue({ type: 'close', code }));
  return new Promise((resolve) => {
    opening.once('open', () => resolve({ kind: 'socket-opened', status: 101 }));
    opening.once('error', (error) => resolve({ kind: 'failed', message: error.message }));
  });
}

async function nextEvent(timeoutMs: number): Promise<BridgeReply> {
  if (events.length === 0) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, timeoutMs));
      eventArrived = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    eventArrived = null;
  }
  return { kind: 'socket-event', event: events.shift() ?? null };
}

async function handle(request: BridgeRequest): Promise<BridgeReply> {
  switch (request.kind) {
    case 'http':
      return fetchOnce(request);
    case 'socket-open':
      return openSocket(request.url, request.headers);
    case 'socket-send':
      socket?.send(request.data);
      return { kind: 'done' };
    case 'socket-close':
      socket?.close(request.code);
      return { kind: 'done' };
    case 'socket-next':
      return nextEvent(request.timeoutMs);
  }
}

port.on('message', (request: BridgeRequest) => {
  handle(request).then(reply, (error: Error) => reply({ kind: 'failed', message: error.message }));
});
