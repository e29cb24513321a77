import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const TAIL_BYTES = 8_192;
const STOP_GRACE_MS = 5_000;

export interface ProcessOptions {
  env: Record<string, string | undefined>;
  cwd: string;
  /** Where `<name>.log` receives the process's stdout and stderr. */
  logDir: string;
  /** Pin to this cpu with taskset. */
  cpu?: number;
}

/** A child process this benchmark started: its output and a way to stop it. */
export class BenchProcess {
  private tail = '';
  private readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    logFile: string,
  ) {
    const log = createWriteStream(logFile);
    const collect = (chunk: Buffer) => {
      log.write(chunk);
      this.tail = (this.tail + chunk.toString()).slice(-TAIL_BYTES);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        log.end();
        resolve(code);
      }),
    );
  }

  get pid(): number {
    return this.child.pid!;
  }

  get output(): string {
    return this.tail;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Waits until the output matches, failing if the process exits or time runs out. */
  async waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.tail);
      if (match) return match;
      this.failIfGone(deadline, `to print ${pattern}`);
      await delay(50);
    }
  }

  /** Waits until `url` answers 2xx. */
  async waitForHttp(url: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ok = await fetch(url).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) return;
      this.failIfGone(deadline, `to answer ${url}`);
      await delay(200);
    }
  }

  /** Resolves with the exit code. */
  finished(): Promise<number | null> {
    return this.exited;
  }

  /** SIGTERM, then SIGKILL if it has not exited after a grace period. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }

  private failIfGone(deadline: number, waitingFor: string): void {
    if (!this.running) {
      throw new Error(`${this.name} exited while waiting for it ${waitingFor}:\n${this.tail}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`${this.name} took too long ${waitingFor}:\n${this.tail}`);
    }
  }
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: ProcessOptions,
): BenchProcess {
  mkdirSync(options.logDir, { recursive: true });
  const [file, fileArgs] =
    options.cpu === undefined
      ? [command, args]
      : ['taskset', ['-c', String(options.cpu), command, ...args]];
  const child = spawn(file, fileArgs, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new BenchProcess(name, child, join(options.logDir, `${name}.log`));
}

/** Runs a command to completion; a non-zero exit is an error carrying its last output. */
export async function runToCompletion(
  name: string,
  command: string,
  args: string[],
  options: ProcessOptions,
): Promise<void> {
  const started = startProcess(name, command, args, options);
  const code = await started.finished();
  if (code !== 0) throw new Error(`${name} failed (exit ${code}):\n${started.output}`);
}

export function tasksetAvailable(): boolean {
  return spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Moves this process, all its threads and its future children, to one cpu. */
export function pinThisProcess(cpu: number): void {
  execFileSync('taskset', ['-a', '-c', '-p', String(cpu), String(process.pid)], {
    stdio: 'ignore',
  });
}

/** A TCP port free on the loopback interface right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
