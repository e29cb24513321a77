import { ChildProcessWithoutNullStreams } from 'node:child_process';
import { ClientRequest, IncomingMessage, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import request from 'supertest';
import { ShutdownState } from '../apps/api/src/lifecycle/shutdown-state';
import { createTestApp, TestApp } from './support';
import { exitOf, listeningUrl, LogLines, spawnApi } from './support/api-process';
import { TEST_ADMIN } from './support/auth';
import { scrapeUntil } from './support/metrics';

const ENVIRONMENT = {
  NODE_ENV: 'development',
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'info',
  PASSWORD_SCRYPT_LOG_N: '10',
  ADMIN_USERNAME: TEST_ADMIN.username,
  ADMIN_EMAIL: TEST_ADMIN.email,
  ADMIN_PASSWORD: TEST_ADMIN.password,
};

/**
 * A login whose body is sent in two halves: between them the request is in flight on the
 * server (received, not yet answered) for as long as the test likes.
 */
class SlowLogin {
  readonly answered: Promise<{ status: number; headers: IncomingMessage['headers']; body: any }>;
  private readonly request: ClientRequest;
  private readonly body = Buffer.from(
    JSON.stringify({ username: TEST_ADMIN.username, password: TEST_ADMIN.password }),
  );

  constructor(url: string) {
    const half = Math.floor(this.body.length / 2);
    this.request = httpRequest(`${url}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': this.body.length },
    });
    this.answered = new Promise((resolve, reject) => {
      this.request.on('error', reject);
      this.request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            headers: response.headers,
            body: JSON.parse(text),
          }),
        );
      });
    });
    this.request.write(this.body.subarray(0, half));
  }

  finish(): void {
    this.request.end(this.body.subarray(Math.floor(this.body.length / 2)));
  }
}

/** Resolves with the error code of a new TCP connection to `url`, or 'connected'. */
function connectionAttempt(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.on('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** Waits until the server counts `expected` requests in flight (the scrape included). */
function inFlight(url: string, expected: number) {
  return scrapeUntil(
    request(url),
    (scrape) => scrape.value('kassa_http_requests_in_flight') === expected,
  );
}

describe('graceful shutdown (e2e)', () => {
  describe('main.ts on SIGTERM with a request in flight', () => {
    let child: ChildProcessWithoutNullStreams;
    let logs: LogLines;

    beforeAll(() => {
      child = spawnApi({ ...ENVIRONMENT, SHUTDOWN_GRACE_PERIOD: '60s' });
      logs = new LogLines(child);
    });

    afterAll(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });

    it('answers it, refuses new connections meanwhile, closes the database and exits 0', async () => {
      const url = await listeningUrl(logs);
      const login = new SlowLogin(url);
      await inFlight(url, 2);
      const exited = exitOf(child);

      child.kill('SIGTERM');
      await logs.waitFor((line) => /^SIGTERM received: shutting down/.test(line.msg ?? ''));
      expect(await connectionAttempt(url)).toBe('ECONNREFUSED');
      expect(child.exitCode).toBeNull();

      login.finish();
      const answer = await login.answered;
      expect(answer.status).toBe(200);
      expect(answer.body.accessToken).toEqual(expect.any(String));
      expect(answer.headers.connection).toBe('close');

      expect(await exited).toBe(0);
      const messages = logs.messages();
      const shutdown = messages.slice(messages.findIndex((message) => /^SIGTERM/.test(message)));
      expect(shutdown).toEqual([
        expect.stringMatching(
          /^SIGTERM received: shutting down\. Readiness answers 503 and new connections are refused; requests in flight and running jobs have 60s to finish$/,
        ),
        ...shutdown.slice(1, -3),
        'Requests in flight answered and scheduled jobs stopped',
        'Stopped the in-process MongoDB emulator',
        'Shutdown complete',
      ]);
      expect(shutdown.slice(1, -3).every((message) => message === 'request completed')).toBe(true);
    }, 60_000);
  });

  describe('main.ts on SIGINT with a request that outlasts the grace period', () => {
    let child: ChildProcessWithoutNullStreams;
    let logs: LogLines;

    beforeAll(() => {
      child = spawnApi({ ...ENVIRONMENT, SHUTDOWN_GRACE_PERIOD: '1s' });
      logs = new LogLines(child);
    });

    afterAll(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });

    it('cuts the connection once the grace period is over, says so, and still exits 0', async () => {
      const url = await listeningUrl(logs);
      const stalled = new SlowLogin(url);
      await inFlight(url, 2);
      const exited = exitOf(child);

      child.kill('SIGINT');
      await expect(stalled.answered).rejects.toThrow(/socket hang up|ECONNRESET/);
      expect(await exited).toBe(0);
      expect(logs.messages()).toEqual(
        expect.arrayContaining([
          'Grace period of 1s over: closing 1 connection(s) still open',
          'Shutdown complete',
        ]),
      );
      const warning = logs.lines.find((line) => /^Grace period/.test(line.msg ?? ''));
      expect(warning?.level).toBe(40);
    }, 60_000);
  });

  describe('readiness', () => {
    let testApp: TestApp;

    beforeAll(async () => {
      testApp = await createTestApp();
    });

    afterAll(async () => {
      await testApp.close();
    });

    it('answers 503 as soon as the shutdown starts, while liveness stays 200', async () => {
      await testApp.http.get('/health/ready').expect(200);
      testApp.app.get(ShutdownState).begin();
      const ready = await testApp.http.get('/health/ready').expect(503);
      expect(ready.body.error).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: 'The API is shutting down',
      });
      expect(ready.headers.connection).toBe('close');
      await testApp.http.get('/health').expect(503);
      await testApp.http.get('/health/live').expect(200);
    });
  });
});
