import { ChildProcessWithoutNullStreams } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import request from 'supertest';
import { createTestApp } from './support';
import { LogLines, spawnApi } from './support/api-process';

describe('start-up (e2e)', () => {
  it('refuses to start in production without its required settings', async () => {
    await expect(
      createTestApp({ env: { NODE_ENV: 'production', MONGODB_URI: '' } }),
    ).rejects.toThrow(/MONGODB_URI is required.*SMTP_URL is required/);
  });

  it('exits at once with one clear line when the port is taken, before any start-up work', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const child = spawnApi({ HOST: '127.0.0.1', PORT: String(port), SEED_DEMO: 'true' });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(output.trim().split('\n')).toEqual([
        `Kassa API failed to start: Port ${port} on 127.0.0.1 is already in use: stop the server using it, or set PORT`,
      ]);
    } finally {
      holder.close();
    }
  }, 30_000);

  describe('main.ts', () => {
    let child: ChildProcessWithoutNullStreams;
    let logs: LogLines;
    let stderr = '';

    beforeAll(async () => {
      child = spawnApi({
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'info',
      });
      child.stderr.on('data', (chunk) => (stderr += chunk));
      logs = new LogLines(child);
    }, 60_000);

    afterAll(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });

    it('logs JSON lines and the URL it listens on', async () => {
      const listening = await logs.waitFor((line) => /listening on http:\/\//.test(line.msg ?? ''));
      expect(listening.level).toBe(30);
      expect(stderr).toBe('');
    }, 60_000);

    it('warns once that the embedded emulator keeps data in memory only', () => {
      const warnings = logs.lines.filter((line) => /in memory only/.test(line.msg ?? ''));
      expect(warnings).toHaveLength(1);
      expect(warnings[0].level).toBe(40);
    });

    it('serves /health with one access line: request id, method, path, status, time, no headers', async () => {
      const listening = await logs.waitFor((line) => /listening on/.test(line.msg ?? ''));
      const url = /(http:\/\/\S+)/.exec(listening.msg)![1];
      await request(url)
        .get('/health')
        .set('X-Request-Id', 'main-e2e-1')
        .set('Authorization', 'Bearer very-secret-token')
        .set('Cookie', 'kassa_refresh=very-secret-cookie')
        .expect(200);
      const accessLog = await logs.waitFor(
        (line) => line.requestId === 'main-e2e-1' && line.res?.statusCode === 200,
      );
      expect(accessLog.req).toEqual({ id: 'main-e2e-1', method: 'GET', url: '/health' });
      expect(accessLog.responseTime).toEqual(expect.any(Number));
      expect(JSON.stringify(logs.lines)).not.toContain('very-secret');
    });

    it('logs a client error at warn, with its request id on the filter line too', async () => {
      const listening = await logs.waitFor((line) => /listening on/.test(line.msg ?? ''));
      const url = /(http:\/\/\S+)/.exec(listening.msg)![1];
      await request(url).get('/no-such-route').set('X-Request-Id', 'main-e2e-2').expect(404);
      const lines = await Promise.all([
        logs.waitFor((line) => line.requestId === 'main-e2e-2' && line.code === 'NOT_FOUND'),
        logs.waitFor((line) => line.requestId === 'main-e2e-2' && line.res?.statusCode === 404),
      ]);
      expect(lines.map((line) => line.level)).toEqual([40, 40]);
    });

    it('runs its shutdown hooks on SIGTERM, then exits 0', async () => {
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(logs.lines.map((line) => line.msg)).toContain(
        'Stopped the in-process MongoDB emulator',
      );
    }, 30_000);
  });
});
