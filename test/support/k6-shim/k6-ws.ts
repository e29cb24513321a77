import { sharedBridge } from './run-record';

/**
 * `k6/ws` for scripts run in Node: `connect` opens a WebSocket in the bridge worker, hands the
 * callback a socket, then runs the socket's event loop on the calling thread (messages, close,
 * `setTimeout`/`setInterval` while open) until the socket closes, as k6 blocks in `connect`.
 */

type Handler = (argument?: unknown) => void;

interface Timer {
  at: number;
  every?: number;
  run: () => void;
}

export interface Socket {
  on(event: 'open' | 'message' | 'close', handler: Handler): void;
  send(data: string): void;
  close(code?: number): void;
  setTimeout(run: () => void, delay: number): void;
  setInterval(run: () => void, interval: number): void;
}

export interface ConnectParams {
  headers?: Record<string, string>;
  tags?: Record<string, string>;
}

/** A socket with no event and no timer for this long is taken as hung. */
const IDLE_LIMIT_MS = 60_000;

export function connect(
  url: string,
  paramsOrCallback: ConnectParams | null | ((socket: Socket) => void),
  maybeCallback?: (socket: Socket) => void,
): { url: string; status: number; headers: Record<string, string>; body: string; error: string } {
  const params = typeof paramsOrCallback === 'function' ? null : paramsOrCallback;
  const callback = typeof paramsOrCallback === 'function' ? paramsOrCallback : maybeCallback!;
  const unsupported = Object.keys(params ?? {}).filter(
    (key) => key !== 'headers' && key !== 'tags',
  );
  if (unsupported.length > 0)
    throw new Error(`the k6 shim does not take ${unsupported.join(', ')}`);
  const bridge = sharedBridge();
  const opened = bridge.call({ kind: 'socket-open', url, headers: params?.headers ?? {} });
  if (opened.kind !== 'socket-opened') {
    throw new Error(opened.kind === 'failed' ? opened.message : `unexpected ${opened.kind}`);
  }
  const handlers: Record<string, Handler[]> = { open: [], message: [], close: [] };
  const timers: Timer[] = [];
  const emit = (event: string, argument?: unknown) =>
    handlers[event].forEach((run) => run(argument));
  let closing = false;
  const socket: Socket = {
    on(event, handler) {
      if (!(event in handlers)) throw new Error(`the k6 shim does not emit ${event}`);
      handlers[event].push(handler);
    },
    send: (data) => void bridge.call({ kind: 'socket-send', data }),
    close: (code) => {
      closing = true;
      bridge.call({ kind: 'socket-close', code });
    },
    setTimeout: (run, delay) => void timers.push({ at: Date.now() + delay, run }),
    setInterval: (run, every) => void timers.push({ at: Date.now() + every, every, run }),
  };
  callback(socket);
  emit('open');
  for (;;) {
    const due = Math.min(...timers.map((timer) => timer.at));
    const timeoutMs = Number.isFinite(due) ? due - Date.now() : IDLE_LIMIT_MS;
    const reply = bridge.call({ kind: 'socket-next', timeoutMs });
    if (reply.kind !== 'socket-event') throw new Error(`unexpected ${reply.kind}`);
    const { event } = reply;
    if (event?.type === 'close') {
      emit('close', event.code);
      break;
    }
    if (event?.type === 'message') emit('message', event.data);
    if (event === null && !Number.isFinite(due)) {
      throw new Error(`the socket at ${url} stayed idle for ${IDLE_LIMIT_MS} ms`);
    }
    const dueTimers = closing ? [] : timers.filter((each) => each.at <= Date.now());
    for (const timer of dueTimers) {
      if (timer.every === undefined) timers.splice(timers.indexOf(timer), 1);
      else timer.at += timer.every;
      timer.run();
    }
  }
  return { url, status: 101, headers: {}, body: '', error: '' };
}

export default { connect };
