import { join } from 'node:path';
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { BridgeReply, BridgeRequest } from './bridge-protocol';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * k6's APIs block (`http.get` returns the response), Node's do not. The bridge keeps the
 * asynchronous work in a worker thread and makes each call synchronous: post the request, block
 * on a shared signal with `Atomics.wait` until the worker has posted the reply, then take the
 * reply off the port with `receiveMessageOnPort`. The calling thread is blocked meanwhile, so the
 * server it talks to must run in another process.
 */
export class SyncBridge {
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly port: MessagePort;
  private readonly worker: Worker;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(join(__dirname, 'bridge-worker.ts'), {
      execArgv: ['-r', join(ROOT, 'tools/register.js')],
      workerData: { port: port2, signal: this.signal },
      transferList: [port2],
    });
    this.worker.unref();
  }

  call(request: BridgeRequest): BridgeReply {
    Atomics.store(this.signal, 0, 0);
    this.port.postMessage(request);
    for (;;) {
      const received = receiveMessageOnPort(this.port);
      if (received) return received.message as BridgeReply;
      Atomics.wait(this.signal, 0, 0);
      Atomics.store(this.signal, 0, 0);
    }
  }

  close(): Promise<number> {
    this.port.close();
    return this.worker.terminate();
  }
}

/** Blocks the calling thread for `milliseconds`, as k6's `sleep` does. */
export function blockFor(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}
