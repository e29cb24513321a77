import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(__dirname, '..', '..');

export type LogLine = Record<string, any>;

/** Collects a child's JSON log lines and lets a test wait for one that matches. */
export class LogLines {
  readonly lines: LogLine[] = [];
  private waiters: { match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];

  constructor(child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (text) => {
      const line = JSON.parse(text) as LogLine;
      this.lines.push(line);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.match(line)) return true;
        waiter.resolve(line);
        return false;
      });
    });
  }

  waitFor(match: (line: LogLine) => boolean): Promise<LogLine> {
    const seen = this.lines.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** The messages logged so far, in order. */
  messages(): string[] {
    return this.lines.map((line) => String(line.msg ?? ''));
  }
}

/** `apps/api/src/main.ts` as `npm start` runs it, in an empty folder (no `.env`). */
export function spawnApi(env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(
    process.execPath,
    ['-r', join(ROOT, 'tools/register.js'), join(ROOT, 'apps/api/src/main.ts')],
    { cwd: mkdtempSync(join(tmpdir(), 'kassa-main-')), env: { PATH: process.env.PATH, ...env } },
  );
}

/** The URL of a spawned API, once it logs that it listens. */
export async function listeningUrl(logs: LogLines): Promise<string> {
  const listening = await logs.waitFor((line) => /listening on http:\/\//.test(line.msg ?? ''));
  return /(http:\/\/\S+)/.exec(listening.msg)![1];
}

/** Resolves with the exit code (null when a signal ended the process). */
export function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}
